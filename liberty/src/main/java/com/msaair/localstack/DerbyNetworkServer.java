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
public final class DerbyNetworkServer extends StackProcess implements DatabaseServer {

    private final StackLayout layout;

    public DerbyNetworkServer(StackLayout layout, Path home, int port) {
        super("Derby Network Server", home, "network-server.log", Duration.ofSeconds(30), port);
        this.layout = layout;
    }

    @Override
    public Connection connect(String databaseName) throws SQLException {
        return DriverManager.getConnection("jdbc:derby://127.0.0.1:" + port() + "/" + databaseName + ";create=true;user=msaair;password=msaair");
    }

    @Override
    public Map<String, String> clientEnvironment(String databaseName) {
        return Map.of("DB_MODE", "network", "DB_HOST", "localhost", "DB_PORT", String.valueOf(port()), "DB_NAME", databaseName);
    }

    @Override
    protected List<String> commandLine() {
        return List.of(java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dderby.system.home=" + folder(), "-Dderby.drda.host=127.0.0.1",
                "-cp", layout.derbyLibs().resolve("*").toString(),
                "org.apache.derby.drda.NetworkServerControl", "start", "-h", "127.0.0.1", "-p", String.valueOf(port()),
                "-noSecurityManager");
    }
}
