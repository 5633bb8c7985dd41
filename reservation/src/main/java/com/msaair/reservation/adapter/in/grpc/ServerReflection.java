package com.msaair.reservation.adapter.in.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.reflection.v1.ErrorResponse;
import io.grpc.reflection.v1.FileDescriptorResponse;
import io.grpc.reflection.v1.ListServiceResponse;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * gRPC server reflection (grpc.reflection.v1.ServerReflection), so grpcurl and the like find the
 * services and their messages without the .proto: the services this server declares
 * ({@link GrpcAccess#SERVED}) and the files that define them. A file is answered with the files it
 * imports that this stream has not sent yet, as the protocol suggests. Extensions: none are defined.
 * Anyone may ask, as anyone may read /openapi. (grpc-java's own implementation lives in grpc-services,
 * which cannot be in the WAR: Liberty would serve every service in that jar.)
 */
@PermitAll
public class ServerReflection implements ServerReflectionGrpc.AsyncService, BindableService {

    /** Every file of the served services, by name, with the symbols each defines. */
    private final Map<String, FileDescriptor> files = new LinkedHashMap<>();
    private final Map<String, FileDescriptor> symbols = new LinkedHashMap<>();
    private final List<String> services;

    public ServerReflection() {
        services = GrpcAccess.SERVED.keySet().stream().map(io.grpc.ServiceDescriptor::getName).sorted().toList();
        for (io.grpc.ServiceDescriptor service : GrpcAccess.SERVED.keySet()) {
            if (service.getSchemaDescriptor() instanceof ProtoFileDescriptorSupplier schema) {
                add(schema.getFileDescriptor());
            }
        }
    }

    @Override
    public ServerServiceDefinition bindService() {
        return StrictRequests.of(ServerReflectionGrpc.bindService(this), false);
    }

    @Override
    public StreamObserver<ServerReflectionRequest> serverReflectionInfo(StreamObserver<ServerReflectionResponse> replies) {
        Set<String> sent = new HashSet<>();
        return new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionRequest request) {
                replies.onNext(answer(request, sent).setValidHost(request.getHost()).setOriginalRequest(request).build());
            }

            @Override
            public void onError(Throwable t) {
                // the client went away: nothing to answer
            }

            @Override
            public void onCompleted() {
                replies.onCompleted();
            }
        };
    }

    private ServerReflectionResponse.Builder answer(ServerReflectionRequest request, Set<String> sent) {
        ServerReflectionResponse.Builder response = ServerReflectionResponse.newBuilder();
        return switch (request.getMessageRequestCase()) {
            case LIST_SERVICES -> response.setListServicesResponse(ListServiceResponse.newBuilder()
                    .addAllService(services.stream().map(name -> ServiceResponse.newBuilder().setName(name).build()).toList()));
            case FILE_BY_FILENAME -> files(Optional.ofNullable(files.get(request.getFileByFilename())), sent, response,
                    "No file " + request.getFileByFilename());
            case FILE_CONTAINING_SYMBOL -> files(Optional.ofNullable(symbols.get(request.getFileContainingSymbol())), sent, response,
                    "No symbol " + request.getFileContainingSymbol());
            case FILE_CONTAINING_EXTENSION, ALL_EXTENSION_NUMBERS_OF_TYPE -> error(response, Status.Code.NOT_FOUND, "This server defines no extensions");
            default -> error(response, Status.Code.INVALID_ARGUMENT, "Not a reflection request this server knows");
        };
    }

    /** {@code file} and what it imports, less what this stream already sent. */
    private static ServerReflectionResponse.Builder files(Optional<FileDescriptor> file, Set<String> sent,
            ServerReflectionResponse.Builder response, String notFound) {
        if (file.isEmpty()) {
            return error(response, Status.Code.NOT_FOUND, notFound);
        }
        FileDescriptorResponse.Builder found = FileDescriptorResponse.newBuilder();
        Deque<FileDescriptor> pending = new ArrayDeque<>(List.of(file.get()));
        boolean first = true;
        while (!pending.isEmpty()) {
            FileDescriptor next = pending.pop();
            if (sent.add(next.getName()) || first) {
                found.addFileDescriptorProto(next.toProto().toByteString());
                pending.addAll(next.getDependencies());
            }
            first = false;
        }
        return response.setFileDescriptorResponse(found);
    }

    private static ServerReflectionResponse.Builder error(ServerReflectionResponse.Builder response, Status.Code code, String message) {
        return response.setErrorResponse(ErrorResponse.newBuilder().setErrorCode(code.value()).setErrorMessage(message));
    }

    private void add(FileDescriptor file) {
        if (files.putIfAbsent(file.getName(), file) != null) {
            return;
        }
        for (ServiceDescriptor service : file.getServices()) {
            symbols.put(service.getFullName(), file);
            service.getMethods().forEach(method -> symbols.put(method.getFullName(), file));
        }
        file.getMessageTypes().forEach(message -> addMessage(message, file));
        for (EnumDescriptor type : file.getEnumTypes()) {
            symbols.put(type.getFullName(), file);
        }
        file.getDependencies().forEach(this::add);
    }

    private void addMessage(Descriptor message, FileDescriptor file) {
        symbols.put(message.getFullName(), file);
        message.getNestedTypes().forEach(nested -> addMessage(nested, file));
        message.getEnumTypes().forEach(type -> symbols.put(type.getFullName(), file));
    }
}
