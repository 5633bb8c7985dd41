package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedTokenTest {

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean providerDown;

    private CachedToken.Issued fetch(Duration lifetime) {
        if (providerDown) {
            throw new ServiceIdentityUnavailableException("the provider did not answer");
        }
        return new CachedToken.Issued("token-" + fetches.incrementAndGet(), lifetime);
    }

    @Test
    void oneFetchPerLifetimeRenewedThirtySecondsBeforeItExpires() {
        CachedToken token = new CachedToken(() -> fetch(Duration.ofMinutes(5)), clock);
        for (int call = 0; call < 1000; call++) {
            assertThat(token.get()).isEqualTo("token-1");
        }
        clock.advance(Duration.ofSeconds(269));
        assertThat(token.get()).as("still well inside its lifetime").isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(token.get()).as("30 s before it expires").isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aShortLivedTokenIsRenewedHalfwayThrough() {
        CachedToken token = new CachedToken(() -> fetch(Duration.ofSeconds(20)), clock);
        token.get();
        clock.advance(Duration.ofMillis(9_999));
        assertThat(token.get()).isEqualTo("token-1");
        clock.advance(Duration.ofMillis(1));
        assertThat(token.get()).isEqualTo("token-2");
    }

    @Test
    void aFailedFetchIsNotRememberedAndAStillValidTokenOutlivesAShortOutage() {
        CachedToken token = new CachedToken(() -> fetch(Duration.ofMinutes(5)), clock);
        providerDown = true;
        assertThatThrownBy(token::get).isInstanceOf(ServiceIdentityUnavailableException.class);
        providerDown = false;
        assertThat(token.get()).as("the next call asks again").isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(280));
        providerDown = true;
        assertThat(token.get()).as("renewal failed; the token in hand is valid for 20 s more").isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(16));
        assertThatThrownBy(token::get).as("never sent in its last seconds").isInstanceOf(ServiceIdentityUnavailableException.class);
        providerDown = false;
        assertThat(token.get()).isEqualTo("token-2");
    }

    @Test
    void manyCallersAtOnceShareOneFetch() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CachedToken token = new CachedToken(() -> {
            fetching.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fetch(Duration.ofMinutes(5));
        }, clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(token::get));
            }
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<String> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).as("one request to the provider").hasValue(1);
    }
}
