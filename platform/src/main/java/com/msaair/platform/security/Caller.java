package com.msaair.platform.security;

import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in caller of this request, and the one ownership rule every service applies: a customer
 * acts on their own data only; staff whose role lets them act for any customer name the customer.
 * A customer's id is the subject of their token (see docs/architecture.md, "Identity").
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /**
     * The customer id this caller is, if they are a customer: the token's subject — when it has the
     * shape of a customer id ({@link CustomerIds}); a provider whose subjects do not is refused (403)
     * rather than stored cut or broken.
     */
    public Optional<String> customerId() {
        if (token == null || token.getGroups() == null || !token.getGroups().contains(Roles.CUSTOMER)) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.getSubject()).filter(CustomerIds::isValid);
    }

    /** The customer this caller is, or a 403: for what only a customer may do (become a customer). */
    public String requireCustomer() {
        return customerId().orElseThrow(() -> new AccessDeniedException(null, "Only a customer may do this"));
    }

    /** The caller's own {@code Authorization} header value, to pass on to a service called on their behalf; null if anonymous. */
    public String authorization() {
        return token == null || token.getRawToken() == null ? null : "Bearer " + token.getRawToken();
    }

    public boolean hasRole(String role) {
        return token != null && token.getGroups() != null && token.getGroups().contains(role);
    }

    /**
     * Whose data a request that names a customer (a {@code customerId} field or query parameter) is
     * about. A customer: themselves — naming nobody means themselves, naming someone else is refused
     * with 403 (the request is for another customer's data whether or not it exists; a 404 would say
     * the collection does not exist). Anyone with one of {@code actingForAnyone} (staff): the customer
     * they name, which they must.
     *
     * @param field           the name of the field or parameter, for the error
     * @param named           what the request named, or null
     * @param actingForAnyone roles that may act for any customer (none: customers only)
     */
    public String customerFor(String field, String named, String... actingForAnyone) {
        for (String role : actingForAnyone) {
            if (hasRole(role)) {
                if (named == null || named.isBlank()) {
                    throw new InvalidRequestException(List.of(new FieldError(field, "is required: the customer to act for")));
                }
                return named;
            }
        }
        String self = requireCustomer();
        if (named != null && !named.isEmpty() && !named.equals(self)) {
            throw new AccessDeniedException(field, "names another customer: a customer acts on their own data only");
        }
        return self;
    }

    /**
     * The customer a list's {@code customerId} query parameter names ({@code null} when left out), by the
     * rule of {@link #customerFor}; a malformed one is a 400 naming the parameter.
     */
    public String customerParam(String customerId, String... actingForAnyone) {
        return customerFor("customerId", CustomerIds.param("customerId", customerId).orElse(null), actingForAnyone);
    }

    /**
     * Whether this caller may see data that belongs to {@code owner}: its owner, or anyone with one of
     * {@code seeingAnyone}. Callers answer "not found" when not, so another customer's ids tell nothing.
     */
    public boolean maySee(String owner, String... seeingAnyone) {
        for (String role : seeingAnyone) {
            if (hasRole(role)) {
                return true;
            }
        }
        return customerId().map(self -> self.equals(owner)).orElse(false);
    }

    /**
     * {@code found} if this caller {@link #maySee may see} it — {@code owner} says whose it is — else empty:
     * the one "look it up, then not found unless it is the caller's" rule. Callers answer empty with the
     * same "not found" as for an id nobody has, so another customer's ids tell nothing.
     */
    public <T> Optional<T> visible(T found, Function<? super T, String> owner, String... seeingAnyone) {
        return Optional.of(found).filter(it -> maySee(owner.apply(it), seeingAnyone));
    }
}
