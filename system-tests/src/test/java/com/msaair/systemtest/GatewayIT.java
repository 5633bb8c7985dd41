package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Gateway;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one entry point: every route reaches its service, and a client over its rate limit is held off alone. */
@Order(9)
@ExtendWith(SystemStack.class)
class GatewayIT {

    @Test
    void everyRouteReachesItsService() {
        String customer = Api.newCustomer();
        long flight = Api.id(Api.registerFlight(10, 100));
        long reservation = Api.id(Api.booked(customer, flight, 1));
        String token = Api.as(customer);
        assertThat(Http.get(gateway("/api/schedules/" + flight)).json().getJsonNumber("id").longValue()).isEqualTo(flight);
        assertThat(Http.get(gateway("/api/flights/" + flight + "/seats")).json().getInt("seatsAvailable")).isEqualTo(9);
        assertThat(Http.get(gateway("/api/reservations/" + reservation), token).json().getString("customerId")).isEqualTo(customer);
        assertThat(Http.get(gateway("/api/customers/" + customer), token).json().getString("id")).isEqualTo(customer);
        assertThat(Http.get(gateway("/api/notifications"), token).status()).isEqualTo(200);
        assertThat(Http.get(gateway("/api/history"), token).status()).isEqualTo(200);
        Http.Reply elsewhere = Http.get(gateway("/api/dead-letters"), Api.operator());
        assertThat(elsewhere.status()).as("operator endpoints stay on each service's own port").isEqualTo(404);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBurstOverTheLimitGets429sWithRetryAfterAndAnotherClientIsUnaffected() {
        String greedy = Api.as(Api.newCustomer());
        String other = Api.as(Api.newCustomer());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Http.Reply> limited = new ArrayList<>();
        for (int i = 0; i < 3 * Gateway.BURST; i++) {
            Http.Reply reply = Http.get(gateway("/api/reservations"), greedy);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 429) {
                limited.add(reply);
            }
        }
        assertThat(limited).as("answers to " + 3 * Gateway.BURST + " requests at once: " + statuses).isNotEmpty();
        assertThat(statuses.get(200)).as("the burst allowance was served").isGreaterThanOrEqualTo(Gateway.BURST);
        Http.Reply first = limited.get(0);
        assertThat(first.header("Retry-After")).contains("1");
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.json().getInt("status")).isEqualTo(429);

        assertThat(Http.get(gateway("/api/reservations"), other).status()).as("another client, at the same moment").isEqualTo(200);
    }

    private static URI gateway(String path) {
        return SystemStack.stack().gatewayUri().resolve(path);
    }
}
