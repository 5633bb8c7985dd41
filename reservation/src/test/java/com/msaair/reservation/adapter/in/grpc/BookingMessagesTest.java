package com.msaair.reservation.adapter.in.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.booking.v1.BookRequest;
import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.AccessDeniedException;
import com.msaair.platform.security.Caller;
import com.msaair.reservation.application.BookFlight;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A BookRequest is read as REST reads its JSON: the same bounds and shapes, each fault named as the .proto names the field. */
class BookingMessagesTest {

    private static final String ME = "3bbc6a74-7883-4ce3-9d73-30828d02e6ca";

    /** A customer: themselves when naming nobody or themselves, refused when naming another (platform's rule). */
    private static final Caller CUSTOMER = new Caller() {
        @Override
        public String customerFor(String field, String named, String... actingForAnyone) {
            if (named != null && !named.equals(ME)) {
                throw new AccessDeniedException(field, "names another customer: a customer acts on their own data only");
            }
            return ME;
        }
    };

    @Test
    void aBookingIsTheApplicationsCommand() {
        BookFlight command = BookingMessages.command(BookRequest.newBuilder().setScheduleId(7).setPassengers(2).setPaymentMethod("pm_card_visa")
                .addSeats("12A").addSeats("12B").setIdempotencyKey("k-1").build(), CUSTOMER);

        assertThat(command).isEqualTo(new BookFlight(ME, 7, 2, "pm_card_visa", Optional.of("k-1"), List.of("12A", "12B")));
        assertThat(BookingMessages.command(BookRequest.newBuilder().setScheduleId(7).setPassengers(1).setPaymentMethod("pm_card_visa").build(),
                CUSTOMER).idempotencyKey()).isEmpty();
    }

    @Test
    void everyMissingValueIsNamed() {
        assertThat(faults(BookRequest.getDefaultInstance())).extracting(FieldError::field)
                .containsExactly("schedule_id", "passengers", "payment_method");
    }

    @Test
    void valuesOutOfBoundsOrOfTheWrongShapeAreNamed() {
        BookRequest valid = BookRequest.newBuilder().setScheduleId(7).setPassengers(2).setPaymentMethod("pm_card_visa").build();

        assertThat(faults(valid.toBuilder().setPassengers(10).build())).extracting(FieldError::field).containsExactly("passengers");
        assertThat(faults(valid.toBuilder().setScheduleId(-1).build())).extracting(FieldError::field).containsExactly("schedule_id");
        assertThat(faults(valid.toBuilder().setPaymentMethod("4111111111111111").build())).extracting(FieldError::field)
                .containsExactly("payment_method");
        assertThat(faults(valid.toBuilder().addSeats("12A").build())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("one seat per passenger"));
        assertThat(faults(valid.toBuilder().addSeats("12A").addSeats("12A").build())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("each seat once"));
        assertThat(faults(valid.toBuilder().addSeats("A12").addSeats("12B").build())).extracting(FieldError::field).containsExactly("seats");
        assertThat(faults(valid.toBuilder().setIdempotencyKey("with space").build())).extracting(FieldError::field).containsExactly("idempotency_key");
        assertThat(faults(valid.toBuilder().setCustomerId("not a customer id!").build())).extracting(FieldError::field).containsExactly("customer_id");
    }

    @Test
    void aCustomerNamingAnotherIsRefusedByTheOwnershipRule() {
        BookRequest forAnother = BookRequest.newBuilder().setScheduleId(7).setPassengers(1).setPaymentMethod("pm_card_visa")
                .setCustomerId("someone-else").build();

        assertThatThrownBy(() -> BookingMessages.command(forAnother, CUSTOMER)).isInstanceOf(AccessDeniedException.class);
        assertThat(GrpcStatuses.of(new AccessDeniedException("customer_id", "names another customer")).getStatus().getCode())
                .isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED);
    }

    @Test
    void anIdIsRequired() {
        assertThatThrownBy(() -> BookingMessages.id(0)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("id", "is required")));
        assertThat(BookingMessages.id(5)).isEqualTo(5);
    }

    private static List<FieldError> faults(BookRequest request) {
        try {
            BookingMessages.command(request, CUSTOMER);
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + request);
    }
}
