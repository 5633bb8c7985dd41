package com.msaair.connectorcheck;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /channel}: how many messages the channel took, and whether its stream ended (one {@code name=value} a line). */
@Path("/channel")
@ApplicationScoped
public class ChannelState {

    /** The JAX-RS application, at the root. */
    @ApplicationPath("/")
    public static class CheckApplication extends Application {}

    @Inject
    CheckedChannel channel;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String state() {
        return "consumed=" + channel.consumed() + "\nended=" + channel.ended() + "\nackFailed=" + channel.ackFailed() + "\n";
    }
}
