package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.security.PresentedToken.Shape;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PresentedTokenTest {

    private static final String JWT = part("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"key-1\"}") + "."
            + part("{\"sub\":\"minji\",\"exp\":1900000000}") + ".c2lnbmF0dXJl";

    @Test
    void aBearerJwtGivesItsKeyAndExpiryUnverified() {
        PresentedToken token = PresentedToken.read("Bearer " + JWT);

        assertThat(token.shape()).isEqualTo(Shape.JWT);
        assertThat(token.keyId()).contains("key-1");
        assertThat(token.expiresAt()).contains(Instant.ofEpochSecond(1_900_000_000L));
    }

    @Test
    void theSchemeIsCaseInsensitiveAsRfc7235SaysButMustBeThere() {
        assertThat(PresentedToken.read("bearer " + JWT).shape()).isEqualTo(Shape.JWT);
        assertThat(PresentedToken.read("BEARER  " + JWT).shape()).isEqualTo(Shape.JWT);
        assertThat(PresentedToken.read(JWT).shape()).as("a bare token").isEqualTo(Shape.NOT_BEARER);
        assertThat(PresentedToken.read("Basic bWluamk6c2VjcmV0").shape()).isEqualTo(Shape.NOT_BEARER);
        assertThat(PresentedToken.read("Bearer").shape()).isEqualTo(Shape.NOT_BEARER);
        assertThat(PresentedToken.read("Bearer ").shape()).isEqualTo(Shape.NOT_BEARER);
        assertThat(PresentedToken.read("Bearer " + JWT + ", Bearer " + JWT).shape()).as("two credentials").isEqualTo(Shape.NOT_BEARER);
        assertThat(PresentedToken.read("Bearer" + JWT).shape()).isEqualTo(Shape.NOT_BEARER);
    }

    @Test
    void aBearerTokenThatIsNoJwtIsMalformed() {
        assertThat(PresentedToken.read("Bearer abc").shape()).isEqualTo(Shape.MALFORMED);
        assertThat(PresentedToken.read("Bearer a.b.c").shape()).isEqualTo(Shape.MALFORMED);
        assertThat(PresentedToken.read("Bearer " + part("[1,2]") + ".e30.x").shape()).as("a header that is no object").isEqualTo(Shape.MALFORMED);
        assertThat(PresentedToken.read("Bearer " + JWT + ".extra").shape()).isEqualTo(Shape.MALFORMED);
    }

    @Test
    void claimsThatCannotBeReadAreSimplyNotKnown() {
        PresentedToken unsigned = PresentedToken.read("Bearer " + part("{\"alg\":\"none\"}") + "." + part("{\"exp\":\"soon\"}") + ".");
        assertThat(unsigned.shape()).isEqualTo(Shape.JWT);
        assertThat(unsigned.keyId()).isEmpty();
        assertThat(unsigned.expiresAt()).isEmpty();

        PresentedToken odd = PresentedToken.read("Bearer " + part("{\"kid\":7}") + "." + part("{\"exp\":1e400}") + ".x");
        assertThat(odd.keyId()).isEmpty();
        assertThat(odd.expiresAt()).isEmpty();
        assertThat(PresentedToken.read("Bearer " + part("{}") + "." + "not-json" + ".x").expiresAt()).isEmpty();
    }

    @Test
    void partsThatNoJsonReaderShouldTreeAreNotRead() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(PresentedToken.read("Bearer " + part(deep) + "." + part("{\"exp\":1900000000}") + ".x").shape())
                .as("a header nested thousands deep").isEqualTo(Shape.MALFORMED);
        assertThat(PresentedToken.read("Bearer " + part("{\"alg\":\"RS256\"}") + "." + part("{\"a\":" + deep + ",\"exp\":1900000000}") + ".x")
                .expiresAt()).as("claims nested thousands deep").isEmpty();
        assertThat(PresentedToken.read("Bearer " + part("{\"alg\":\"RS256\"}") + "." + part("{\"exp\":1,\"exp\":1900000000}") + ".x").expiresAt())
                .as("exp twice: which one would a verifier read?").isEmpty();
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
