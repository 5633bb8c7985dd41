package com.msaair.localstack;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.BookingServiceGrpc;
import com.msaair.booking.v1.CancelRequest;
import com.msaair.booking.v1.GetRequest;
import com.msaair.booking.v1.ListMineRequest;
import com.msaair.booking.v1.WatchRequest;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./msaair grpc}: the booking API over gRPC from the command line, as curl is for REST. Answers
 * print as JSON (the .proto's JSON mapping); a refusal prints its status code, message and details, and
 * exits 1. The token is the caller's ({@code --token $(./msaair token minji)}, or MSAAIR_TOKEN).
 */
final class GrpcCommand {

    private static final String USAGE = String.join("\n",
            "usage: ./msaair grpc [--target host:port] [--token TOKEN] <command>",
            "  book <scheduleId> <passengers> <paymentMethod> [--seats 12A,12B] [--key IDEMPOTENCY-KEY] [--customer ID]",
            "  get <id> | cancel <id> | list [page] [size] | watch <id>",
            "  --target: default localhost:" + Gateway.GRPC_PORT + " (the gateway's gRPC entry); a server's own port works too (localhost:9082)",
            "  --token:  an access token (./msaair token minji); default $MSAAIR_TOKEN");

    private GrpcCommand() {}

    static int run(List<String> arguments) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith("--") && i + 1 < arguments.size()) {
                options.put(argument.substring(2), arguments.get(++i));
            } else {
                words.add(argument);
            }
        }
        if (words.isEmpty() || words.get(0).equals("help")) {
            System.err.println(USAGE);
            return words.isEmpty() ? 2 : 0;
        }
        String target = options.getOrDefault("target", "localhost:" + Gateway.GRPC_PORT);
        String token = options.getOrDefault("token", System.getenv("MSAAIR_TOKEN"));
        int colon = target.lastIndexOf(':');
        try (BookingClient client = new BookingClient(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
            BookingServiceGrpc.BookingServiceBlockingStub stub = client.as(token);
            switch (words.get(0)) {
                case "book" -> print(stub.withDeadlineAfter(30, TimeUnit.SECONDS).book(book(words, options)));
                case "get" -> print(stub.withDeadlineAfter(10, TimeUnit.SECONDS).get(GetRequest.newBuilder().setId(number(words, 1)).build()));
                case "cancel" -> print(stub.withDeadlineAfter(30, TimeUnit.SECONDS).cancel(CancelRequest.newBuilder().setId(number(words, 1)).build()));
                case "list" -> print(stub.withDeadlineAfter(10, TimeUnit.SECONDS).listMine(ListMineRequest.newBuilder()
                        .setPage(words.size() > 1 ? (int) number(words, 1) : 0).setSize(words.size() > 2 ? (int) number(words, 2) : 0).build()));
                case "watch" -> stub.watch(WatchRequest.newBuilder().setId(number(words, 1)).build()).forEachRemaining(GrpcCommand::print);
                default -> {
                    System.err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (StatusRuntimeException refusal) {
            System.err.println(refusal.getStatus().getCode() + ": " + refusal.getStatus().getDescription());
            BookingClient.details(refusal).ifPresent(details -> details.getDetailsList().forEach(GrpcCommand::printDetail));
            return 1;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            System.err.println(USAGE);
            return 2;
        }
    }

    private static BookRequest book(List<String> words, Map<String, String> options) {
        BookRequest.Builder request = BookRequest.newBuilder().setScheduleId(number(words, 1)).setPassengers((int) number(words, 2))
                .setPaymentMethod(words.get(3));
        if (options.containsKey("seats")) {
            request.addAllSeats(Arrays.asList(options.get("seats").split(",")));
        }
        if (options.containsKey("key")) {
            request.setIdempotencyKey(options.get("key"));
        }
        if (options.containsKey("customer")) {
            request.setCustomerId(options.get("customer"));
        }
        return request.build();
    }

    private static long number(List<String> words, int index) {
        return Long.parseLong(words.get(index));
    }

    private static void print(MessageOrBuilder message) {
        try {
            System.out.println(JsonFormat.printer().print(message));
        } catch (InvalidProtocolBufferException e) {
            System.out.println(message);
        }
    }

    private static void printDetail(Any detail) {
        try {
            if (detail.is(ErrorInfo.class)) {
                System.err.println("  reason: " + detail.unpack(ErrorInfo.class).getReason());
            } else if (detail.is(BadRequest.class)) {
                detail.unpack(BadRequest.class).getFieldViolationsList()
                        .forEach(v -> System.err.println("  field " + v.getField() + ": " + v.getDescription()));
            } else if (detail.is(RetryInfo.class)) {
                System.err.println("  retry after: " + detail.unpack(RetryInfo.class).getRetryDelay().getSeconds() + " s");
            }
        } catch (InvalidProtocolBufferException e) {
            System.err.println("  " + detail.getTypeUrl());
        }
    }
}
