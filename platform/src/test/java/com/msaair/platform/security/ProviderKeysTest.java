package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import org.junit.jupiter.api.Test;

class ProviderKeysTest {

    @Test
    void theKeyIdsOfAJwksDocument() {
        String keycloak = "{\"keys\":[{\"kid\":\"sig-1\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"x\",\"e\":\"AQAB\"},"
                + "{\"kid\":\"enc-1\",\"kty\":\"RSA\",\"alg\":\"RSA-OAEP\",\"use\":\"enc\"},{\"kty\":\"RSA\"},{\"kid\":3},\"odd\"]}";

        assertThat(ProviderKeys.keyIds(keycloak)).containsExactlyInAnyOrder("sig-1", "enc-1");
        assertThat(ProviderKeys.keyIds("{\"keys\":[]}")).isEmpty();
    }

    @Test
    void somethingElseIsNoAnswer() {
        assertThatThrownBy(() -> ProviderKeys.keyIds("{\"error\":\"not found\"}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> ProviderKeys.keyIds("<html>")).isInstanceOf(JsonException.class);
    }
}
