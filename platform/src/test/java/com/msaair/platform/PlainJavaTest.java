package com.msaair.platform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.msaair.platform.worker.Backoff;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the services' domains may use of the platform (see testing.Layering) is plain Java itself. */
@AnalyzeClasses(packagesOf = PlainJavaTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
class PlainJavaTest {

    @ArchTest
    static final ArchRule whatADomainMayUseIsPlainJava = classes().that().resideInAPackage("com.msaair.platform.domain..")
            .or(type(Backoff.class))
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.msaair.platform.domain..").or(type(Backoff.class)));
}
