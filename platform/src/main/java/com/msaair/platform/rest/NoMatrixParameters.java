package com.msaair.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code /api/schedules/1;DROP TABLE X} is, to JAX-RS, schedule 1 with a matrix parameter — so a
 * DELETE of it cancelled schedule 1. This API has no matrix parameters: a path that carries any is
 * refused, like an unknown field in a body.
 */
@Provider
@PreMatching
public class NoMatrixParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (PathSegment segment : request.getUriInfo().getPathSegments()) {
            if (!segment.getMatrixParameters().isEmpty()) {
                throw new InvalidRequestException("path", "must not contain ';' (matrix parameters are not supported)");
            }
        }
    }
}
