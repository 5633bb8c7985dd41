package com.msaair.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ProtoCompatibilityTest {

    /** A small API of the booking API's shapes: a request of two fields, an enum, a unary and a streaming method. */
    private static final FileDescriptorProto V1 = FileDescriptorProto.newBuilder().setName("b.proto").setPackage("t.v1").setSyntax("proto3")
            .addMessageType(DescriptorProto.newBuilder().setName("BookRequest")
                    .addField(field("schedule_id", 1, Type.TYPE_INT64))
                    .addField(field("seats", 4, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED)))
            .addMessageType(DescriptorProto.newBuilder().setName("Reservation").addField(field("id", 1, Type.TYPE_INT64)))
            .addEnumType(EnumDescriptorProto.newBuilder().setName("Status")
                    .addValue(EnumValueDescriptorProto.newBuilder().setName("STATUS_UNSPECIFIED").setNumber(0))
                    .addValue(EnumValueDescriptorProto.newBuilder().setName("STATUS_HELD").setNumber(1)))
            .addService(ServiceDescriptorProto.newBuilder().setName("BookingService")
                    .addMethod(method("Book", ".t.v1.BookRequest", ".t.v1.Reservation"))
                    .addMethod(method("Watch", ".t.v1.BookRequest", ".t.v1.Reservation").setServerStreaming(true)))
            .build();

    @Test
    void theSameApiIsCompatible() {
        assertThat(compare(f -> f).breaking()).isEmpty();
        assertThat(compare(f -> f).added()).isEmpty();
    }

    @Test
    void anAddedFieldIsCompatibleButReported() {
        ProtoCompatibility.Report report = compare(f -> f.setMessageType(0, f.getMessageType(0).toBuilder()
                .addField(field("customer_id", 6, Type.TYPE_STRING))));

        assertThat(report.breaking()).isEmpty();
        assertThat(report.added()).containsExactly("field .t.v1.BookRequest.customer_id = 6");
    }

    @Test
    void aRemovedFieldBreaksUnlessItsNumberAndNameAreReserved() {
        assertThat(compare(f -> f.setMessageType(0, f.getMessageType(0).toBuilder().removeField(1))).breaking())
                .containsExactly("field .t.v1.BookRequest.seats = 4 was removed without reserving its number and name");
        assertThat(compare(f -> f.setMessageType(0, f.getMessageType(0).toBuilder().removeField(1).addReservedName("seats")
                .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(4).setEnd(5)))).breaking()).isEmpty();
    }

    @Test
    void aReusedOrRetypedNumberBreaks() {
        assertThat(compare(f -> f.setMessageType(0, f.getMessageType(0).toBuilder()
                .setField(1, field("seat_class", 4, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED)))).breaking())
                .containsExactly("field number 4 of .t.v1.BookRequest was seats, now names seat_class");
        assertThat(compare(f -> f.setMessageType(0, f.getMessageType(0).toBuilder().setField(0, field("schedule_id", 1, Type.TYPE_STRING))))
                .breaking()).containsExactly("field .t.v1.BookRequest.schedule_id = 1 was retyped: TYPE_INT64 -> TYPE_STRING");
        assertThat(compare(f -> f.setMessageType(0, f.getMessageType(0).toBuilder().setField(1, field("seats", 4, Type.TYPE_STRING))))
                .breaking()).containsExactly("field .t.v1.BookRequest.seats = 4 changed between singular and repeated");
    }

    @Test
    void aRemovedOrRetypedMethodBreaks() {
        assertThat(compare(f -> f.setService(0, f.getService(0).toBuilder().removeMethod(0))).breaking())
                .containsExactly("method .t.v1.BookingService/Book was removed");
        assertThat(compare(f -> f.setService(0, f.getService(0).toBuilder().setMethod(0, method("Book", ".t.v1.BookRequest", ".t.v1.BookRequest"))))
                .breaking()).hasSize(1).first().asString().startsWith("method .t.v1.BookingService/Book changed its types");
        assertThat(compare(f -> f.setService(0, f.getService(0).toBuilder().setMethod(1, method("Watch", ".t.v1.BookRequest", ".t.v1.Reservation"))))
                .breaking()).hasSize(1).first().asString().startsWith("method .t.v1.BookingService/Watch changed its streaming");
    }

    @Test
    void aRemovedMessageServiceOrEnumValueBreaks() {
        assertThat(compare(f -> f.removeMessageType(1)).breaking()).contains("message .t.v1.Reservation was removed");
        assertThat(compare(f -> f.setPackage("t.v2")).breaking()).contains("service .t.v1.BookingService was removed");
        assertThat(compare(f -> f.setEnumType(0, f.getEnumType(0).toBuilder().removeValue(1))).breaking())
                .containsExactly("enum value .t.v1.Status.STATUS_HELD = 1 was removed without reserving it");
        assertThat(compare(f -> f.setEnumType(0, f.getEnumType(0).toBuilder().setValue(1,
                EnumValueDescriptorProto.newBuilder().setName("STATUS_PAID").setNumber(1)))).breaking())
                .containsExactly("enum number 1 of .t.v1.Status was STATUS_HELD, now names STATUS_PAID");
    }

    @Test
    void liftingAReservationBreaks() {
        FileDescriptorProto reserved = V1.toBuilder().setMessageType(0, V1.getMessageType(0).toBuilder().addReservedName("miles")
                .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(7).setEnd(8))).build();

        ProtoCompatibility.Report report = ProtoCompatibility.compare(set(reserved), set(V1));

        assertThat(report.breaking()).containsExactly("reserved number 7 of .t.v1.BookRequest is no longer reserved",
                "reserved name miles of .t.v1.BookRequest is no longer reserved");
    }

    private static ProtoCompatibility.Report compare(UnaryOperator<FileDescriptorProto.Builder> change) {
        return ProtoCompatibility.compare(set(V1), set(change.apply(V1.toBuilder()).build()));
    }

    private static FileDescriptorSet set(FileDescriptorProto file) {
        return FileDescriptorSet.newBuilder().addFile(file).build();
    }

    private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(Label.LABEL_OPTIONAL);
    }

    private static MethodDescriptorProto.Builder method(String name, String input, String output) {
        return MethodDescriptorProto.newBuilder().setName(name).setInputType(input).setOutputType(output);
    }
}
