/**
 * Who is calling, and what they may see. The services verify the caller's bearer token themselves
 * (MicroProfile JWT, configured in the shared {@code base.xml}); each endpoint says who may call it
 * with {@code @RolesAllowed} or {@code @PermitAll} and {@link DenyUndeclared} refuses any that does
 * not. A customer is who the token says: the token's subject is the customer id, so every service
 * checks ownership from the token alone ({@link Caller}), whatever else is up. What only a service may
 * ask (reservation charging a payment) it asks as itself, with a token of its own ({@link ServiceIdentity}).
 */
package com.msaair.platform.security;
