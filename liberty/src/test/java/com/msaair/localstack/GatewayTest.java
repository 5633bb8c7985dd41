package com.msaair.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local gateway against what it stands in for: Kubernetes' rate limits, and nginx's own reading of its configuration. */
class GatewayTest {

    @TempDir
    Path prefix;

    @Test
    void theLimitsAreKubernetesLimits() throws Exception {
        String policy = Files.readString(Path.of("../k8s/base/gateway.yaml"));
        Matcher perToken = Pattern.compile("name: Authorization\\s+type: Distinct\\s+limit:\\s+requests: (\\d+)\\s+unit: Second").matcher(policy);
        Matcher perAddress = Pattern.compile("sourceCIDR:\\s+type: Distinct\\s+value: 0\\.0\\.0\\.0/0\\s+limit:\\s+requests: (\\d+)\\s+unit: Second").matcher(policy);

        assertThat(perToken.find()).as("the BackendTrafficPolicy's per-token rule").isTrue();
        assertThat(perAddress.find()).as("the BackendTrafficPolicy's per-address rule").isTrue();
        assertThat(Gateway.RATE_PER_TOKEN).isEqualTo(Integer.parseInt(perToken.group(1)));
        assertThat(Gateway.RATE_PER_ADDRESS).isEqualTo(Integer.parseInt(perAddress.group(1)));
    }

    @Test
    void everyRequestIsCountedByItsAddressAndABodyTheLimitAdmitsIsNeverSpooled() {
        String config = Nginx.config(prefix, Gateway.http(9080, 0));

        assertThat(config).contains("limit_req_zone $binary_remote_addr zone=per_address", "limit_req zone=per_address",
                "limit_req_zone $http_authorization zone=per_token", "limit_req zone=per_token");
        assertThat(config).as("no request escapes the address's count").doesNotContain("map $http_authorization");
        assertThat(config).contains("client_max_body_size " + Nginx.MAX_BODY_BYTES + ";", "client_body_buffer_size " + Nginx.MAX_BODY_BYTES + ";",
                "proxy_max_temp_file_size 0;");
        assertThat(config).as("no header of the client's is passed on as it came").doesNotContain("$http_host", "$proxy_add_x_forwarded_for");
    }

    @Test
    void grpcCallsHaveTheirOwnHttp2EntryWithTheSameLimitsAndGrpcRefusals() {
        String grpc = Gateway.grpc(9088, 0);

        assertThat(grpc).contains("listen 127.0.0.1:9088 http2;", "limit_req zone=per_address", "limit_req zone=per_token",
                "grpc_pass grpc://127.0.0.1:9082;", "location /msaair.booking.v1.BookingService/ {");
        assertThat(grpc).as("over a limit or too large: RESOURCE_EXHAUSTED, never an HTTP status a gRPC client reads as UNKNOWN")
                .contains("error_page 429 = @rate_limited;", "error_page 413 = @too_large;", "add_header grpc-status 8 always;",
                        "add_header content-type application/grpc always;");
        assertThat(Gateway.http(9080, 0)).contains(grpc);
    }

    @Test
    void nginxTakesTheConfiguration() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed here");
        Files.createDirectories(prefix.resolve("logs"));
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, Nginx.config(prefix, Gateway.http(9080, 0)));

        Process test = new ProcessBuilder("/usr/sbin/nginx", "-t", "-p", prefix.toString(), "-c", file.toString()).redirectErrorStream(true).start();
        assertThat(test.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> output = new ArrayList<>(new String(test.getInputStream().readAllBytes()).lines().toList());
        assertThat(test.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output).noneMatch(line -> line.contains("[warn]") && !line.contains("\"user\" directive"));
    }
}
