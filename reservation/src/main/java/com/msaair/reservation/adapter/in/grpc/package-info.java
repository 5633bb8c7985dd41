/**
 * gRPC adapter: the booking API of {@code msaair/booking/v1/booking_service.proto} (contracts), served by
 * Liberty's grpc-1.0 on the HTTP port, through the same application services as the REST adapter.
 * Who calls is settled on the servlet thread ({@link com.msaair.reservation.adapter.in.grpc.GrpcCallers});
 * each call then runs as a servlet request would ({@link com.msaair.reservation.adapter.in.grpc.GrpcCallContext}).
 * docs/grpc.md.
 */
package com.msaair.reservation.adapter.in.grpc;
