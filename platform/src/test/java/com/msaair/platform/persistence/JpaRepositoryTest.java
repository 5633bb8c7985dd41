package com.msaair.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JpaRepositoryTest {

    record Order(long id) {}

    record Ticket(long id, String customerId) {}

    static class Orders extends NumberedRepository<Order> {}

    /** As the container's proxy of a repository: a subclass that names no entity itself. */
    static class ProxiedOrders extends Orders {}

    static class Tickets extends CustomerOwnedRepository<Ticket> {}

    static class TicketsByTime extends CustomerOwnedRepository<Ticket> {
        TicketsByTime() {
            super("e.at DESC, e.id DESC");
        }
    }

    private final List<String> calls = new ArrayList<>();
    private Object found;

    @Test
    void aRepositoryNamesItsEntityInItsExtendsClauseAndNowhereElse() {
        assertThat(new Orders().entity).isEqualTo(Order.class);
        assertThat(new ProxiedOrders().entity).isEqualTo(Order.class);
        assertThat(new Tickets().entity).isEqualTo(Ticket.class);
    }

    @Test
    void insertWritesTheRowAtOnceSoItsIdIsThereForTheEvent() {
        Orders orders = withEntityManager(new Orders());
        Order order = new Order(7);

        assertThat(orders.insert(order)).isSameAs(order);
        assertThat(calls).containsExactly("persist(" + order + ")", "flush()");
    }

    @Test
    void findsARowByItsNumberPlainlyOrLockedUntilTheTransactionEnds() {
        Orders orders = withEntityManager(new Orders());

        assertThat(orders.find(7)).isEmpty();
        found = new Order(7);
        assertThat(orders.findForUpdate(7)).contains(new Order(7));
        assertThat(calls).containsExactly("find(Order, 7)", "find(Order, 7, PESSIMISTIC_WRITE)");
    }

    @Test
    void aCustomersRowsComeNewestFirstByIdUnlessTheRepositorySaysOtherwise() {
        withEntityManager(new Tickets()).ofCustomer("c-1", 20, 10);
        withEntityManager(new TicketsByTime()).ofCustomer("c-1", 0, 10);

        assertThat(calls).containsExactly(
                "createQuery(SELECT e FROM Ticket e WHERE e.customerId = :customer ORDER BY e.id DESC, Ticket)",
                "setParameter(customer, c-1)", "setFirstResult(20)", "setMaxResults(10)", "getResultList()",
                "createQuery(SELECT e FROM Ticket e WHERE e.customerId = :customer ORDER BY e.at DESC, e.id DESC, Ticket)",
                "setParameter(customer, c-1)", "setFirstResult(0)", "setMaxResults(10)", "getResultList()");
    }

    @Test
    void countsACustomersRows() {
        assertThat(withEntityManager(new Tickets()).countOfCustomer("c-1")).isEqualTo(3);
        assertThat(calls).containsExactly(
                "createQuery(SELECT COUNT(e) FROM Ticket e WHERE e.customerId = :customer, Long)",
                "setParameter(customer, c-1)", "getSingleResult()");
    }

    private <R extends JpaRepository<?>> R withEntityManager(R repository) {
        repository.em = recording(EntityManager.class);
        return repository;
    }

    /** Records every call; a query answers no rows and a count of 3, a find answers {@link #found}. */
    private <T> T recording(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.add(method.getName() + "(" + Arrays.stream(args == null ? new Object[0] : args)
                    .map(a -> a instanceof Class<?> c ? c.getSimpleName() : String.valueOf(a))
                    .collect(Collectors.joining(", ")) + ")");
            return switch (method.getName()) {
                case "find" -> found;
                case "createQuery" -> recording(TypedQuery.class);
                case "setParameter", "setFirstResult", "setMaxResults" -> proxy;
                case "getResultList" -> List.of();
                case "getSingleResult" -> 3L;
                default -> null;
            };
        }));
    }
}
