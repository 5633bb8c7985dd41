package com.msaair.reservation.adapter.in.grpc;

import com.msaair.booking.v1.BookReply;
import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.BookingServiceGrpc;
import com.msaair.booking.v1.CancelRequest;
import com.msaair.booking.v1.GetRequest;
import com.msaair.booking.v1.ListMineReply;
import com.msaair.booking.v1.ListMineRequest;
import com.msaair.booking.v1.WatchRequest;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.Roles;
import com.msaair.reservation.adapter.in.BookingIntake;
import com.msaair.reservation.application.Booking;
import com.msaair.reservation.application.BookingService;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The booking API over gRPC (msaair.booking.v1.BookingService), found and served by Liberty's grpc-1.0
 * (any {@code BindableService} of the application; Liberty makes it with its injections). It reads each
 * request into the application's command, calls the same application services as REST's
 * ReservationResource with the same ownership rule (platform's {@link Caller}), and answers each
 * refusal with its gRPC status ({@link GrpcStatuses}). Who may call each method is declared here
 * ({@link GrpcAccess}); the call runs as its caller ({@link GrpcCallContext}).
 */
public class BookingEndpoint implements BookingServiceGrpc.AsyncService, BindableService {

    @Inject
    BookingIntake bookings;

    @Inject
    BookingService reservations;

    @Inject
    Caller caller;

    @Inject
    ReservationWatch watch;

    @Override
    public ServerServiceDefinition bindService() {
        return StrictRequests.of(BookingServiceGrpc.bindService(this), true);
    }

    @Override
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    public void book(BookRequest request, StreamObserver<BookReply> reply) {
        answer(reply, () -> {
            Booking booking = bookings.book(BookingMessages.command(request, caller));
            return BookReply.newBuilder().setReservation(BookingMessages.reservation(booking.reservation())).setReplayed(booking.replayed()).build();
        });
    }

    @Override
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    public void cancel(CancelRequest request, StreamObserver<com.msaair.booking.v1.Reservation> reply) {
        answer(reply, () -> BookingMessages.reservation(reservations.cancel(visible(request.getId()).id())));
    }

    @Override
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    public void get(GetRequest request, StreamObserver<com.msaair.booking.v1.Reservation> reply) {
        answer(reply, () -> BookingMessages.reservation(visible(request.getId())));
    }

    /** A customer's own: staff have none, and read a customer's over REST (naming the customer). */
    @Override
    @RolesAllowed(Roles.CUSTOMER)
    public void listMine(ListMineRequest request, StreamObserver<ListMineReply> reply) {
        answer(reply, () -> {
            String customer = caller.requireCustomer();
            PageRequest paging = PageRequest.of(String.valueOf(request.getPage()), request.getSize() == 0 ? null : String.valueOf(request.getSize()));
            Page<com.msaair.booking.v1.Reservation> page = paging.read(customer, reservations::ofCustomer, reservations::countOfCustomer)
                    .map(BookingMessages::reservation);
            return ListMineReply.newBuilder().addAllReservations(page.items()).setPage(page.page()).setSize(page.size())
                    .setTotalItems(page.totalItems()).setTotalPages(page.totalPages()).build();
        });
    }

    @Override
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    public void watch(WatchRequest request, StreamObserver<com.msaair.booking.v1.Reservation> updates) {
        Reservation reservation;
        try {
            reservation = visible(request.getId());
        } catch (RuntimeException e) {
            updates.onError(GrpcStatuses.of(e));
            return;
        }
        watch.follow(reservation, (ServerCallStreamObserver<com.msaair.booking.v1.Reservation>) updates);
    }

    /**
     * The reservation {@code id} if this caller may see it, else NOT_FOUND as for an id nobody has: REST's
     * rule (ReservationResource), with platform's Caller deciding.
     */
    private Reservation visible(long id) {
        long reservationId = BookingMessages.id(id);
        return caller.visible(reservations.get(reservationId), Reservation::customerId, Roles.MANAGER)
                .orElseThrow(() -> ReservationException.notFound(reservationId));
    }

    /**
     * One answer, or the status of whatever refused it: never an exception out of a handler (gRPC would
     * say UNKNOWN). Nothing is written to a call that ended meanwhile (its deadline passed, the client
     * went): Liberty's transport fails on a write to a request it has finished.
     */
    private static <T> void answer(StreamObserver<T> reply, Supplier<T> work) {
        StreamObserver<T> call = reply;
        try {
            T answer = work.get();
            if (!((ServerCallStreamObserver<T>) call).isCancelled()) {
                call.onNext(answer);
                call.onCompleted();
            }
        } catch (RuntimeException e) {
            if (!((ServerCallStreamObserver<T>) call).isCancelled()) {
                call.onError(GrpcStatuses.of(e));
            }
        }
    }
}
