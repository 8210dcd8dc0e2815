package dev.billinggate.testing;

import dev.billinggate.store.postgres.PostgresTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} into a temporary directory, started on a
 * free loopback port, stopped and deleted when the JVM exits (or by {@link #close}). Run as root,
 * the server runs as the OS user {@code postgres} (which refuses to run as root). Where no
 * PostgreSQL is installed (scripts/ensure-postgres.sh installs Debian's) or it cannot start, tests
 * that need it are skipped with a message saying why.
 */
public final class PostgresCluster implements AutoCloseable {
  public static final String SUPERUSER = "bg";
  public static final String PASSWORD = "bg-test-Passw0rd";
  private static PostgresCluster shared;
  private static String unavailable;

  private final Path binaries;
  private final Path directory;
  private final int port;
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresCluster(Path binaries, Path directory, int port, boolean asPostgresUser) {
    this.binaries = binaries;
    this.directory = directory;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The JVM's shared cluster, started on first use; skips the calling test if PostgreSQL cannot start. */
  public static synchronized PostgresCluster sharedOrSkip() {
    if (shared == null && unavailable == null) {
      try {
        shared = startNew();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-cluster-stop"));
      } catch (IllegalStateException e) {
        unavailable = e.getMessage();
      }
    }
    Assumptions.assumeTrue(shared != null, () -> "PostgreSQL cannot be started here (" + unavailable
        + "); run scripts/ensure-postgres.sh as root. Skipping PostgreSQL tests.");
    return shared;
  }

  /** A cluster of the caller's own (to stop and start it); skips the calling test if it cannot start. */
  public static PostgresCluster ownOrSkip() {
    try {
      return startNew();
    } catch (IllegalStateException e) {
      Assumptions.abort("PostgreSQL cannot be started here (" + e.getMessage()
          + "); run scripts/ensure-postgres.sh as root. Skipping PostgreSQL tests.");
      throw e;
    }
  }

  private static PostgresCluster startNew() {
    Path binaries = findBinaries().orElseThrow(() -> new IllegalStateException("no initdb/pg_ctl found"));
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root && !userExists("postgres")) {
      throw new IllegalStateException("running as root and there is no OS user postgres to run the server as");
    }
    try {
      Path directory = Files.createTempDirectory("bg-postgres-");
      Files.writeString(directory.resolve("pwfile"), PASSWORD + "\n");
      if (root) {
        run(List.of("chown", "-R", "postgres", directory.toString()), false, directory);
      }
      PostgresCluster cluster = new PostgresCluster(binaries, directory, freePort(), root);
      cluster.exec("initdb", "-D", cluster.data(), "-U", SUPERUSER, "--pwfile=" + directory.resolve("pwfile"),
          "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
      cluster.start();
      return cluster;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a PostgreSQL cluster: " + e.getMessage(), e);
    }
  }

  /** Starts the (stopped) server again, on the same port and data. */
  public void start() {
    exec("pg_ctl", "-D", data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
            + " -c max_connections=200",
        "start");
  }

  /** Stops the server at once, as a crash or an outage would: open connections break. */
  public void stop() {
    exec("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
  }

  /**
   * SIGSTOP to the server and all its processes: a database that stops answering without closing a
   * connection, as a frozen host or a cut network looks to its clients. {@link #thaw} resumes it.
   */
  public void freeze() {
    signalAll("STOP");
  }

  public void thaw() {
    signalAll("CONT");
  }

  private void signalAll(String signal) {
    long postmaster;
    try {
      postmaster = Long.parseLong(Files.readAllLines(directory.resolve("data").resolve("postmaster.pid")).get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(postmaster)));
    ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> command.add(String.valueOf(d.pid()))));
    run(command, false, directory);
  }

  /** A new empty database, with the superuser's password. */
  public PostgresTarget newDatabase() {
    String name = "bg_test_" + databases.incrementAndGet();
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return target(name, PASSWORD);
  }

  public PostgresTarget target(String database, String password) {
    return PostgresTarget.parse("postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database, password);
  }

  /** A superuser connection to {@code database}, for tests that look at or change the tables directly. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      exec("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    } catch (IllegalStateException e) {
      // already stopped
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String data() {
    return directory.resolve("data").toString();
  }

  private void exec(String program, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(binaries.resolve(program).toString());
    command.addAll(List.of(arguments));
    run(command, asPostgresUser, directory);
  }

  private static void run(List<String> command, boolean asPostgresUser, Path directory) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Path output = Files.createTempFile("bg-postgres-cmd-", ".log");
      try {
        Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed: "
              + Files.readString(output, StandardCharsets.UTF_8).strip());
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** initdb on the PATH, else Debian's newest /usr/lib/postgresql/VERSION/bin. */
  private static Optional<Path> findBinaries() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path initdb = Paths.get(dir, "initdb");
      if (!dir.isEmpty() && Files.isExecutable(initdb)) {
        try {
          return Optional.of(initdb.toRealPath().getParent());
        } catch (IOException e) {
          return Optional.of(initdb.getParent());
        }
      }
    }
    Path debian = Paths.get("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparing(PostgresCluster::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean userExists(String name) {
    try {
      return Files.readAllLines(Paths.get("/etc/passwd")).stream().anyMatch(line -> line.startsWith(name + ":"));
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
