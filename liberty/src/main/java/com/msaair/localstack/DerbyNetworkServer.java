package com.msaair.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Derby Network Server in its own JVM: the database that several replicas of one service share
 * (DB_MODE=network), as a database server would in production.
 */
public final class DerbyNetworkServer implements DatabaseServer {

    private final StackLayout layout;
    private final Path home;
    private final int port;
    private ManagedProcess process;

    public DerbyNetworkServer(StackLayout layout, Path home, int port) {
        this.layout = layout;
        this.home = home;
        this.port = port;
    }

    public int port() {
        return port;
    }

    @Override
    public String describe() {
        return "the Derby Network Server";
    }

    @Override
    public Connection connect(String databaseName) throws SQLException {
        return DriverManager.getConnection("jdbc:derby://127.0.0.1:" + port + "/" + databaseName + ";create=true;user=msaair;password=msaair");
    }

    @Override
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public Map<String, String> clientEnvironment(String databaseName) {
        return Map.of("DB_MODE", "network", "DB_HOST", "localhost", "DB_PORT", String.valueOf(port), "DB_NAME", databaseName);
    }

    @Override
    public void start(Duration timeout) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Port " + port + " for the Derby Network Server is already in use" + LibertyServer.describeHolder(port));
        }
        process = ManagedProcess.launch("derby-network-server", List.of(
                        KafkaBroker.java(), "-Xmx256m", "-XX:+UseSerialGC",
                        "-Dderby.system.home=" + home, "-Dderby.drda.host=127.0.0.1",
                        "-cp", layout.derbyLibs().resolve("*").toString(),
                        "org.apache.derby.drda.NetworkServerControl", "start", "-h", "127.0.0.1", "-p", String.valueOf(port),
                        "-noSecurityManager"),
                Map.of(), home, home.resolve("network-server.log"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Derby Network Server exited while starting:\n" + process.tail(20));
            }
            if (Ports.isListening(port)) {
                return;
            }
            KafkaBroker.sleep(100);
        }
        throw new IllegalStateException("The Derby Network Server did not listen within " + timeout.toSeconds() + " s");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    @Override
    public void kill() {
        if (process != null) {
            process.kill();
        }
    }
}
