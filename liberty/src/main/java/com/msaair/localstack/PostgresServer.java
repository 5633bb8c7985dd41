package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * PostgreSQL from Debian's packages, as the stack's own cluster: its own data directory (below the
 * stack's data), its own port on 127.0.0.1, no Unix socket, one database per service. Installed with
 * apt when missing. PostgreSQL refuses to run as root: started by root, the cluster belongs to
 * Debian's {@code postgres} user and runs as it ({@code setpriv}, which execs, so the managed process
 * is the postmaster itself and {@link #kill()} is a crash of the database server: its backends notice and
 * end on their own).
 */
public final class PostgresServer extends StackProcess implements DatabaseServer {

    /** Dev-only credentials, as Derby's: the cluster listens on 127.0.0.1 only. */
    public static final String USER = "msaair";
    public static final String PASSWORD = "msaair";

    public PostgresServer(Path home, int port) {
        // A graceful stop is a "fast" shutdown: SIGTERM rolls back open transactions and checkpoints.
        super("PostgreSQL", home, "postgres.log", Duration.ofSeconds(60), port);
    }

    @Override
    public Map<String, String> clientEnvironment(String databaseName) {
        return Map.of("DB_MODE", "postgresql", "DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(port()), "DB_NAME", databaseName,
                "DB_USER", USER, "DB_PASSWORD", PASSWORD);
    }

    private String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + databaseName;
    }

    /** A connection as the cluster's owner; a database that does not exist is created first. */
    @Override
    public Connection connect(String databaseName) throws SQLException {
        if (!databaseName.equals("postgres")) {
            createDatabases(List.of(databaseName));
        }
        return login(databaseName);
    }

    private Connection login(String databaseName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(databaseName), properties);
    }

    /** Creates the cluster on first use, starts it and creates the databases that do not exist yet. */
    public void start(Duration timeout, List<String> databases) {
        start(timeout);
        createDatabases(databases);
    }

    /**
     * Starts the server on its existing data (after {@link #kill()}: crash recovery from the WAL), or on
     * a new cluster. After a crash the old server's backends may still hold its shared memory for a
     * moment: the new postmaster then exits at once and is started again.
     */
    @Override
    public void start(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                super.start(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                return;
            } catch (Exited e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                sleep(500);
            }
        }
    }

    @Override
    protected void prepare() {
        Path pgdata = pgdata();
        if (!Files.isRegularFile(pgdata.resolve("PG_VERSION"))) {
            initialise(binaries(), pgdata);
        }
    }

    @Override
    protected List<String> commandLine() {
        List<String> command = new ArrayList<>(asOwner());
        command.addAll(List.of(binaries().resolve("postgres").toString(), "-D", pgdata().toString(), "-p", String.valueOf(port()),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                // Six services with pools of up to 50, a second replica or two, the tests' own connections.
                "-c", "max_connections=400",
                "-c", "logging_collector=off", "-c", "log_min_messages=warning"));
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("LC_ALL", "C.UTF-8");
    }

    /** Whether it accepts connections. */
    @Override
    public boolean isReady() {
        return accepts();
    }

    private Path pgdata() {
        return folder().resolve("pgdata");
    }

    private boolean accepts() {
        try (Connection connection = login("postgres")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void createDatabases(List<String> databases) {
        try (Connection connection = login("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement create = connection.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (!rows.next()) {
                        create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the stack's databases in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void initialise(Path bin, Path pgdata) {
        try {
            Path home = folder();
            Files.createDirectories(home);
            Path passwordFile = home.resolve("initdb-password");
            Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            handToOwner(home);
            List<String> command = new ArrayList<>(asOwner());
            command.addAll(List.of(bin.resolve("initdb").toString(), "-D", pgdata.toString(), "-U", USER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"));
            run("initdb", command, environment(), home, home.resolve("initdb.log"), Duration.ofMinutes(2));
            Files.deleteIfExists(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the PostgreSQL cluster in " + pgdata + ": " + e.getMessage(), e);
        }
    }

    /** The newest PostgreSQL server installed by Debian's packages, installing it when there is none. */
    static Path binaries() {
        Optional<Path> installed = installedBinaries();
        if (installed.isEmpty()) {
            DebianPackages.install("the stack's database server in PostgreSQL mode", List.of("postgresql"));
            installed = installedBinaries();
        }
        return installed.orElseThrow(() -> new IllegalStateException("PostgreSQL is installed, but no /usr/lib/postgresql/<version>/bin/postgres was found"));
    }

    private static Optional<Path> installedBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As root: become Debian's postgres user (exec, no child process in between). */
    private static List<String> asOwner() {
        return root() ? List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups") : List.of();
    }

    private static void handToOwner(Path dir) throws IOException {
        if (!root()) {
            return;
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(users.lookupPrincipalByName("postgres"));
                view.setGroup(group);
            }
        }
    }
}
