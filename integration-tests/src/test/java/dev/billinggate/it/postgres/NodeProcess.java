package dev.billinggate.it.postgres;

import dev.billinggate.store.postgres.PostgresTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A {@code serve --store} in a JVM of its own, so a test can {@code kill -9} it. */
public final class NodeProcess implements AutoCloseable {
  private final Process process;
  private final URI endpoint;
  private final Path log;

  private NodeProcess(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  public static NodeProcess start(PostgresTarget database) {
    try {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path log = Files.createTempFile("bg-node-", ".log");
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          "dev.billinggate.cli.Main", "serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
          "--create-account-delay", String.valueOf(Nodes.CREATE_ACCOUNT_DELAY.toSeconds()),
          "--store", "postgresql://" + database.user() + "@" + database.host() + ":" + database.port() + "/"
              + database.database()))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("PGPASSWORD", database.password());
      env.put("BILLING_GATE_ROOT_PASSWORD", Nodes.ROOT_PASSWORD);
      env.put("BILLING_GATE_ADMIN_PASSWORD", Nodes.ADMIN_PASSWORD);
      NodeProcess node = new NodeProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
      node.awaitReady();
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (Nodes.get(endpoint, "/_billing-gate/v1/ready").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notListeningYet) {
        // the port opens once the store is open and the server wired
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("serve did not become ready:\n" + Files.readString(log));
  }

  public URI endpoint() {
    return endpoint;
  }

  /** SIGSTOP: every thread of the server stops where it is, its connections stay open. */
  public void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause}. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: no shutdown hook runs, connections drop mid-request. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
