package com.msaair.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * Migrates the service's database before anything of the application runs: CDI calls this before the
 * beans that start with the application (consumers, the outbox relay, background workers) and before
 * the first request, and a migration that fails fails the application's start, so a server never
 * serves on a schema its code does not expect. The service's changelog is {@value #CHANGELOG} in its
 * WAR; it includes the platform's own ({@code db/msaair-platform.xml}).
 */
public class SchemaMigrations implements Extension {

    public static final String CHANGELOG = "db/changelog.xml";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    private static final int ATTEMPTS = 8;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) AfterDeploymentValidation deployment) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application.getResource(CHANGELOG) == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            DataSource dataSource = InitialContext.doLookup("jdbc/msaair");
            new SchemaMigration(dataSource, application, CHANGELOG, ATTEMPTS).run();
            LOG.info(() -> "Schema migrated (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        } catch (Exception e) {
            deployment.addDeploymentProblem(new IllegalStateException("The schema migration failed: " + e.getMessage(), e));
        } catch (Error e) {
            deployment.addDeploymentProblem(e);
        }
    }
}
