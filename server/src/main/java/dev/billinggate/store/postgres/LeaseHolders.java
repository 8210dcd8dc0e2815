package dev.billinggate.store.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The writer's side of the read leases: a commit is announced to the other servers, and before it
 * is acknowledged every other server that held a lease when it committed has applied it, or has
 * let its lease run out by the database's clock (it then asks the database before its next read).
 */
final class LeaseHolders {
  /** The committing transaction's last statement: run after it took the commit lock, so it sees every renewal ordered before it. */
  private static final String ANNOUNCE =
      "SELECT " + leases("id <> ?") + ", pg_notify('" + CommitListener.COMMITS + "', ?)";
  private static final String STILL_HELD = "SELECT " + leases("id = ANY(?)");
  /** Local and database clocks may tick a little apart; the re-check after the wait decides. */
  private static final long SLACK_MILLIS = 5;

  /** Servers that must apply {@code version}, and how long the longest of their leases still runs. */
  record Waiting(long version, List<String> nodes, long millisLeft) {}

  private final DataSource pool;
  private final String node;
  private final Acknowledgements acks;
  private final long giveUpNanos;

  /**
   * @param giveUpAfter how long a writer waits in all before it answers ServiceUnavailable instead
   *     (the write stays committed): only when this server cannot hear acknowledgements or re-check
   *     leases, since a server that does not acknowledge loses its lease within its length
   */
  LeaseHolders(DataSource pool, String node, Acknowledgements acks, Duration giveUpAfter) {
    this.pool = pool;
    this.node = node;
    this.acks = acks;
    this.giveUpNanos = giveUpAfter.toNanos();
  }

  /** Notifies the commit (delivered when it commits) and lists the other servers' leases. */
  Waiting announce(Connection transaction, long version) throws SQLException {
    try (PreparedStatement announce = transaction.prepareStatement(ANNOUNCE)) {
      announce.setString(1, node);
      announce.setString(2, node);
      announce.setString(3, node + " " + version);
      try (ResultSet row = announce.executeQuery()) {
        row.next();
        return new Waiting(version, ids(row.getArray(1)), row.getLong(2));
      }
    }
  }

  /**
   * Returns once every server in {@code waiting} applied its version or lost its lease.
   *
   * @throws SQLException if the leases cannot be re-checked, or this took longer than the give-up
   *     time
   */
  void await(Waiting waiting) throws SQLException {
    long giveUp = System.nanoTime() + giveUpNanos;
    List<String> nodes = waiting.nodes();
    long millisLeft = waiting.millisLeft();
    while (!nodes.isEmpty()) {
      try {
        nodes = acks.await(nodes, waiting.version(), (millisLeft + SLACK_MILLIS) * 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for other servers to apply a commit", e);
      }
      if (nodes.isEmpty()) {
        return;
      }
      if (System.nanoTime() - giveUp > 0) {
        throw new SQLException("servers " + nodes + " neither applied commit " + waiting.version()
            + " nor let their leases run out within " + giveUpNanos / 1_000_000 + " ms");
      }
      try (Connection connection = pool.getConnection();
          PreparedStatement stillHeld = connection.prepareStatement(STILL_HELD)) {
        Array ids = connection.createArrayOf("text", nodes.toArray());
        stillHeld.setArray(1, ids);
        stillHeld.setArray(2, ids);
        try (ResultSet row = stillHeld.executeQuery()) {
          row.next();
          nodes = ids(row.getArray(1));
          millisLeft = row.getLong(2);
        }
      }
    }
  }

  /**
   * Two columns about the servers {@code which} selects (its one parameter is bound twice): those
   * whose lease still runs, and how many milliseconds the longest of their leases has left.
   */
  private static String leases(String which) {
    return "ARRAY(SELECT id FROM nodes WHERE " + which + " AND lease_until > clock_timestamp()),"
        + " ceil(EXTRACT(EPOCH FROM (SELECT max(lease_until) FROM nodes WHERE " + which + ") - clock_timestamp())"
        + " * 1000)::bigint";
  }

  private static List<String> ids(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
