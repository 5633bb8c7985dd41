package com.msaair.localstack;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * A database server in a process of its own that services of the stack keep their data in (a Derby
 * Network Server, PostgreSQL): what tests stop, kill and restart, and look into.
 */
public interface DatabaseServer {

    /** What the server is, for messages: "Derby Network Server", "PostgreSQL". */
    String label();

    /** The environment that points a Liberty server at {@code databaseName} on this server. */
    Map<String, String> clientEnvironment(String databaseName);

    /** A connection to {@code databaseName} (created when missing), as the servers' user. */
    Connection connect(String databaseName) throws SQLException;

    boolean isRunning();

    /** Starts the server on its existing data, or on new data the first time. */
    void start(Duration timeout);

    /** Stops it gently. */
    void stop();

    /** SIGKILL: a crash of the database server. */
    void kill();
}
