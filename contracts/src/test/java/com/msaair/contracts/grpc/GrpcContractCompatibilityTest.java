package com.msaair.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The booking API as built (target/grpc/booking_service.binpb, protoc's descriptor of
 * src/main/proto) against the baseline committed beside this test's resources: a change clients of the
 * baseline cannot live with fails the build. An addition fails too until it is recorded, so it is
 * protected from the next change on:
 * {@code ./mvnw -pl contracts test -Dtest=GrpcContractCompatibilityTest -Dcontracts.grpc.record=true}
 * rewrites the baseline, and only when nothing breaks.
 */
class GrpcContractCompatibilityTest {

    static final Path BUILT = Path.of("target/grpc/booking_service.binpb");
    static final Path BASELINE = Path.of("src/test/resources/contracts/grpc/booking_service.baseline.txtpb");

    @Test
    void theBookingApiStaysWireCompatibleWithItsBaseline() throws IOException {
        FileDescriptorSet built = withoutSourceInfo(FileDescriptorSet.parseFrom(Files.readAllBytes(BUILT)));
        FileDescriptorSet baseline = TextFormat.parse(Files.readString(BASELINE), FileDescriptorSet.class);

        ProtoCompatibility.Report report = ProtoCompatibility.compare(baseline, built);

        assertThat(report.breaking()).as("wire-incompatible changes to msaair.booking.v1 (a breaking change is a new package, v2)").isEmpty();
        if (Boolean.getBoolean("contracts.grpc.record")) {
            Files.writeString(BASELINE, header() + TextFormat.printer().printToString(built));
            return;
        }
        assertThat(report.added()).as("additions not yet in the baseline: record them with "
                + "./mvnw -pl contracts test -Dtest=GrpcContractCompatibilityTest -Dcontracts.grpc.record=true").isEmpty();
    }

    private static FileDescriptorSet withoutSourceInfo(FileDescriptorSet set) {
        FileDescriptorSet.Builder plain = set.toBuilder();
        plain.getFileBuilderList().forEach(file -> file.clearSourceCodeInfo());
        return plain.build();
    }

    private static String header() {
        return "# The booking API's wire contract as last recorded (GrpcContractCompatibilityTest): protoc's descriptor of\n"
                + "# contracts/src/main/proto/msaair/booking/v1/booking_service.proto, as text. Regenerated, never edited by hand.\n";
    }
}
