package com.msaair.platform.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.msaair.platform.worker.Backoff;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, as rules its own unit tests run on its main classes, so a leak
 * fails that service's build:
 *
 * <pre>
 * &#64;AnalyzeClasses(packagesOf = LayeringTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
 * class LayeringTest {
 *     &#64;ArchTest
 *     static final ArchTests layering = ArchTests.in(Layering.class);
 * }
 * </pre>
 *
 * <p>Of the platform a domain uses only what is plain Java itself: {@code platform.domain} (Money,
 * DomainException) and {@link Backoff}, a value with no I/O (notification's retry policy). Everything
 * else of the platform (inbox, outbox, rest, json, security, tx, ...) is an adapter or the container's.
 */
public final class Layering {

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "..domain..").or(type(Backoff.class)))
            .because("the business rules are plain Java (mapped in orm.xml): no Jakarta, MicroProfile, platform adapter, "
                    + "application or adapter class, so they can be tested and read without a container");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..")
            .because("use cases reach the outside only through ports, which the adapters implement");

    @ArchTest
    static final ArchRule applicationSpeaksNeitherRestNorJson = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.eclipse.microprofile.rest.client..",
                    "com.msaair.platform.rest..", "jakarta.json..", "com.msaair.platform.json..")
            .because("requests and events are read into typed commands by the adapters; the application gets those");

    /**
     * The hexagon's claim, for a second inbound protocol (reservation's gRPC adapter): the business rules
     * and use cases know nothing of it. Its messages, status codes and stubs stay in its adapter.
     */
    @ArchTest
    static final ArchRule domainAndApplicationSpeakNoGrpc = noClasses().that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.protobuf..", "com.google.rpc..", "com.msaair.booking..")
            .because("a protocol is an adapter: a gRPC adapter added beside REST reads its messages into the application's commands");

    @ArchTest
    static final ArchRule grpcAdapterUsesNoRestAdapter = noClasses().that().resideInAPackage("..adapter.in.grpc..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.in.rest..", "jakarta.ws.rs..")
            .allowEmptyShould(true)
            .because("the gRPC adapter reaches the use cases as REST does, not through REST: what both need belongs to the application");

    @ArchTest
    static final ArchRule messagingAdapterUsesNoRestAdapter = noClasses().that().resideInAPackage("..adapter.in.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.in.rest..", "jakarta.ws.rs..", "com.msaair.platform.rest..")
            .allowEmptyShould(true)
            .because("an event is not an HTTP request: what both need belongs to the application");

    private Layering() {}
}
