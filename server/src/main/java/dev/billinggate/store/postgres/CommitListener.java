package dev.billinggate.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's thread that keeps its read lease and its memory current: on a connection of its own
 * (outside the pool, in autocommit) it {@code LISTEN}s for other servers' commits and applies each
 * one before acknowledging it, hears the acknowledgements other servers send for this server's
 * writers ({@link Acknowledgements}), and renews the lease every quarter of its length. All three
 * run on this one thread, so a renewal proves that every notification received before it was
 * applied; a thread that stops (or a connection that drops, which may have lost notifications) stops
 * renewing, and the lease then runs out on both clocks within its length. docs/store.md, "Reads",
 * gives the reasoning.
 */
final class CommitListener implements AutoCloseable {
  /** Payload {@code "NODE VERSION"}: NODE committed VERSION. */
  static final String COMMITS = "billing_gate_commits";
  /** Payload {@code "NODE VERSION"}: NODE applied every commit up to VERSION. */
  static final String ACKS = "billing_gate_acks";
  /**
   * Renews the lease, in one statement: under a share lock on {@code commit_state}, so the renewal
   * and a write are ordered. A write that locked first has committed when this reads the version;
   * a write that locks after this commits sees the renewed lease and waits for this server.
   */
  private static final String RENEW = "WITH state AS (SELECT version FROM commit_state WHERE id = 1 FOR SHARE)"
      + " INSERT INTO nodes (id, lease_until) SELECT ?, now() + ? * interval '1 millisecond' FROM state"
      + " ON CONFLICT (id) DO UPDATE SET lease_until = excluded.lease_until"
      + " RETURNING (SELECT version FROM state)";
  private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(CommitListener.class);

  private final VersionFence.Connector connector;
  private final String node;
  private final long lengthMillis;
  private final NodeLease lease;
  private final Acknowledgements acks;
  private final LongSupplier localVersion;
  private final Runnable catchUp;
  private final Thread thread;
  private volatile boolean closed;
  // The listener thread's own; close() aborts it to end a wait for notifications at once.
  private volatile Connection connection;
  private PreparedStatement renew;
  private PreparedStatement acknowledge;
  private long nextRenewal;
  private boolean failing;

  /**
   * @param localVersion the commit version this server's memory reflects
   * @param catchUp applies what others committed, so that {@code localVersion} reaches at least the
   *     version the database had when it was called
   */
  CommitListener(VersionFence.Connector connector, String node, Duration length, NodeLease lease,
      Acknowledgements acks, LongSupplier localVersion, Runnable catchUp) {
    this.connector = connector;
    this.node = node;
    this.lengthMillis = length.toMillis();
    this.lease = lease;
    this.acks = acks;
    this.localVersion = localVersion;
    this.catchUp = catchUp;
    this.thread = new Thread(this::run, "billing-gate-commit-listener");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (!closed) {
      try {
        if (connection == null) {
          connect();
        }
        long waitMillis = Math.max(1, (nextRenewal - System.nanoTime()) / 1_000_000);
        handle(connection.unwrap(PGConnection.class).getNotifications((int) Math.min(waitMillis, Integer.MAX_VALUE)));
        if (System.nanoTime() - nextRenewal >= 0) {
          renew();
        }
        if (failing) {
          failing = false;
          log.info("PostgreSQL store: listening for commits again; lease renewed");
        }
      } catch (SQLException | RuntimeException e) {
        lease.revoke();
        disconnect();
        if (!closed) {
          if (!failing) {
            failing = true;
            log.warn("PostgreSQL store: lost the commit listener ({}); every request asks the database until it is back",
                e.getMessage());
          }
          pause(Math.max(50, lengthMillis / 4));
        }
      }
    }
    lease.revoke();
    disconnect();
  }

  /**
   * Listens first, then renews: every commit after the renewal's version read is notified here.
   * Acknowledgements cost no disk flush: a lost one is sent again at the next renewal.
   */
  private void connect() throws SQLException {
    connection = connector.open();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = off");
      statement.execute("LISTEN " + COMMITS);
      statement.execute("LISTEN " + ACKS);
      statement.execute("DELETE FROM nodes WHERE lease_until < now() - interval '" + FORGOTTEN_AFTER.toSeconds()
          + " seconds'");
    }
    renew = connection.prepareStatement(RENEW);
    acknowledge = connection.prepareStatement("SELECT pg_notify('" + ACKS + "', ?)");
    renew();
  }

  private void handle(PGNotification[] notifications) throws SQLException {
    if (notifications == null) {
      return;
    }
    long committed = -1;
    for (PGNotification notification : notifications) {
      String[] parts = notification.getParameter().split(" ");
      if (parts.length != 2 || parts[0].equals(node)) {
        continue;
      }
      long version;
      try {
        version = Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        continue;
      }
      if (notification.getName().equals(COMMITS)) {
        committed = Math.max(committed, version);
      } else if (notification.getName().equals(ACKS)) {
        acks.record(parts[0], version);
      }
    }
    if (committed >= 0) {
      catchUpTo(committed);
      acknowledge();
    }
  }

  /** Catches up to the version read in the renewal before the lease is extended. */
  private void renew() throws SQLException {
    long sent = System.nanoTime();
    renew.setString(1, node);
    renew.setLong(2, lengthMillis);
    long version;
    try (ResultSet row = renew.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("commit_state has no row");
      }
      version = row.getLong(1);
    }
    catchUpTo(version);
    lease.extend(sent);
    nextRenewal = sent + lengthMillis * 1_000_000 / 4;
    acknowledge();
  }

  private void catchUpTo(long version) {
    if (localVersion.getAsLong() < version) {
      catchUp.run();
    }
  }

  private void acknowledge() throws SQLException {
    acknowledge.setString(1, node + " " + localVersion.getAsLong());
    acknowledge.execute();
  }

  private void disconnect() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already broken; the database ends the session and its LISTENs with it
      }
      connection = null;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops renewing (the lease is revoked at once), waiting up to the lease's length for the thread. */
  @Override
  public void close() {
    closed = true;
    lease.revoke();
    Connection listening = connection;
    if (listening != null) {
      try {
        listening.abort(Runnable::run);
      } catch (SQLException e) {
        // the thread notices the closed flag within a quarter of the lease anyway
      }
    }
    try {
      thread.join(lengthMillis + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
