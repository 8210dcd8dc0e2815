package dev.billinggate.store.postgres;

import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.engine.Change;
import dev.billinggate.store.engine.CommitSink;
import dev.billinggate.store.engine.Delta;
import dev.billinggate.store.engine.SnapshotSink;
import dev.billinggate.store.jdbc.SnapshotTables;
import dev.billinggate.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The write path of servers sharing one PostgreSQL database. A write (or snapshot operation) locks
 * the single row of {@code commit_state} ({@code SELECT ... FOR UPDATE}) for its whole transaction,
 * so writes of all servers are serialized exactly as one server's are: the work runs on the latest
 * committed state (caught up inside the lock), and AWS's invariants (unique names, at most five
 * CreateAccount in progress, the last SCP) hold across servers without serialization retries.
 * Commits are acknowledged only after PostgreSQL's COMMIT returned and every other server holding a
 * read lease applied them or lost its lease ({@link LeaseHolders}, in {@link #settle}).
 *
 * <p>The engine calls everything but {@link #list}/{@link #load} as its single writer, under its
 * writer lock; {@code localVersion} is the commit version the engine's state reflects.
 */
final class PostgresSink implements CommitSink, SnapshotSink {
  /** Tombstones are kept for this many versions; a server further behind reloads everything. */
  private static final long TOMBSTONE_HISTORY = 10_000;

  private final DataSource pool;
  private final LeaseHolders leaseHolders;
  /** A commit of the calling thread not yet settled: set before the writer lock is released, awaited after. */
  private final ThreadLocal<LeaseHolders.Waiting> unsettled = new ThreadLocal<>();
  private volatile long localVersion;
  // The writer's transaction, between begin and commit or end; only its thread may use it.
  private Connection open;
  private volatile Thread openBy;
  private long openVersion;

  PostgresSink(DataSource pool, LeaseHolders leaseHolders, long loadedVersion) {
    this.pool = pool;
    this.leaseHolders = leaseHolders;
    this.localVersion = loadedVersion;
  }

  long localVersion() {
    return localVersion;
  }

  @Override
  public Delta begin() {
    try {
      open = pool.getConnection();
      openBy = Thread.currentThread();
      open.setAutoCommit(false);
      CommitState state;
      // Locks the row and takes the next version in one round trip; a transaction that ends
      // without a commit rolls the version back with everything else.
      try (PreparedStatement lock = open.prepareStatement("UPDATE commit_state SET version = version + 1 WHERE id = 1"
              + " RETURNING version - 1, reload_version, history_from");
          ResultSet row = lock.executeQuery()) {
        state = CommitState.of(row);
      }
      openVersion = state.version();
      return deltaSince(open, state);
    } catch (SQLException e) {
      end();
      throw Unavailable.because("start a write", e);
    }
  }

  @Override
  public Delta poll() {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        return deltaSince(connection, CommitState.read(connection));
      } finally {
        connection.rollback();
        connection.setReadOnly(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw Unavailable.because("read the latest commits", e);
    }
  }

  /** What changed after {@link #localVersion} up to {@code state}, read in {@code connection}'s transaction. */
  private Delta deltaSince(Connection connection, CommitState state) throws SQLException {
    long since = localVersion;
    if (state.version() == since) {
      return null;
    }
    Delta delta;
    if (state.version() < since || state.reloadVersion() > since || state.historyFrom() > since) {
      delta = Delta.everything(PostgresRows.loadAll(connection));
    } else {
      List<Change> changes = new ArrayList<>();
      // Deletes first: a key deleted and written again after `since` is in both, and the write wins.
      try (PreparedStatement deleted = connection.prepareStatement("SELECT tbl, key FROM tombstones WHERE version > ?")) {
        deleted.setLong(1, since);
        try (ResultSet row = deleted.executeQuery()) {
          while (row.next()) {
            changes.add(new Change(row.getString(1), row.getString(2), null));
          }
        }
      }
      try (PreparedStatement written =
          connection.prepareStatement("SELECT tbl, key, value::text FROM items WHERE version > ?")) {
        written.setLong(1, since);
        try (ResultSet row = written.executeQuery()) {
          while (row.next()) {
            changes.add(new Change(row.getString(1), row.getString(2), row.getString(3)));
          }
        }
      }
      delta = Delta.changed(changes);
    }
    localVersion = state.version();
    return delta;
  }

  @Override
  public void persist(List<Change> changes) {
    long version = openVersion + 1;
    try {
      try (PreparedStatement upsert = open.prepareStatement(
              "INSERT INTO items (tbl, key, value, version) VALUES (?, ?, ?::json, ?)"
                  + " ON CONFLICT (tbl, key) DO UPDATE SET value = excluded.value, version = excluded.version");
          PreparedStatement delete = open.prepareStatement("DELETE FROM items WHERE tbl = ? AND key = ?");
          PreparedStatement tombstone = open.prepareStatement(
              "INSERT INTO tombstones (tbl, key, version) VALUES (?, ?, ?)"
                  + " ON CONFLICT (tbl, key) DO UPDATE SET version = excluded.version")) {
        for (Change change : changes) {
          if (change.isDelete()) {
            delete.setString(1, change.table());
            delete.setString(2, change.key());
            delete.addBatch();
            tombstone.setString(1, change.table());
            tombstone.setString(2, change.key());
            tombstone.setLong(3, version);
            tombstone.addBatch();
          } else {
            upsert.setString(1, change.table());
            upsert.setString(2, change.key());
            upsert.setString(3, change.json());
            upsert.setLong(4, version);
            upsert.addBatch();
          }
        }
        if (changes.stream().anyMatch(c -> !c.isDelete())) {
          upsert.executeBatch();
        }
        if (changes.stream().anyMatch(Change::isDelete)) {
          delete.executeBatch();
          tombstone.executeBatch();
        }
      }
      if (version % 1_000 == 0) {
        Sql.update(open, "DELETE FROM tombstones WHERE version <= ?", version - TOMBSTONE_HISTORY);
        Sql.update(open, "UPDATE commit_state SET history_from = ? WHERE id = 1 AND history_from < ?",
            version - TOMBSTONE_HISTORY, version - TOMBSTONE_HISTORY);
      }
      commit(false);
    } catch (SQLException e) {
      throw Unavailable.because("commit", e);
    }
  }

  /**
   * Commits the transaction {@link #begin} started, which took version {@code openVersion + 1};
   * a restore also makes every other server reload.
   */
  private void commit(boolean reload) throws SQLException {
    long version = openVersion + 1;
    if (reload) {
      Sql.update(open, "UPDATE commit_state SET reload_version = ? WHERE id = 1", version);
    }
    LeaseHolders.Waiting waiting = leaseHolders.announce(open, version);
    open.commit();
    localVersion = version;
    end();
    unsettled.set(waiting);
  }

  @Override
  public void settle() {
    LeaseHolders.Waiting waiting = unsettled.get();
    if (waiting == null) {
      return;
    }
    unsettled.remove();
    try {
      leaseHolders.await(waiting);
    } catch (SQLException e) {
      throw Unavailable.because("confirm that the other servers applied commit " + waiting.version(), e);
    }
  }

  @Override
  public void end() {
    Connection connection = open;
    open = null;
    openBy = null;
    if (connection == null) {
      return;
    }
    try (connection) {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // The connection is broken; the pool discards it, and PostgreSQL rolled back with the session.
    }
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public List<SnapshotInfo> list() {
    return readOutsideWrite("list snapshots", SnapshotTables::list);
  }

  @Override
  public Map<String, Map<String, String>> load(String name) {
    return readOutsideWrite("read snapshot " + name, connection -> SnapshotTables.load(connection, name));
  }

  @Override
  public void save(String name, Instant createdAt, int records) {
    inWrite("save snapshot " + name, () -> SnapshotTables.save(open, name, createdAt, records));
  }

  @Override
  public void restore(String name) {
    inWrite("restore snapshot " + name, () -> {
      // DELETE, not TRUNCATE: TRUNCATE is not MVCC-safe, and other servers read items concurrently.
      Sql.update(open, "DELETE FROM items");
      Sql.update(open, "DELETE FROM tombstones");
      Sql.update(open, "INSERT INTO items (tbl, key, value, version) SELECT tbl, key, value, ?"
          + " FROM snapshot_items WHERE snapshot = ?", openVersion + 1, name);
    }, true);
  }

  @Override
  public void delete(String name) {
    inWrite("delete snapshot " + name, () -> SnapshotTables.delete(open, name));
  }

  @Override
  public void put(String name, Instant createdAt, Map<String, ? extends Map<String, String>> rows) {
    inWrite("store snapshot " + name, () -> SnapshotTables.put(open, name, createdAt, rows));
  }

  @Override
  public void close() {
    end();
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private interface SqlRead<T> {
    T read(Connection connection) throws SQLException;
  }

  private void inWrite(String what, SqlWork work) {
    inWrite(what, work, false);
  }

  /** Snapshot writes run in the transaction the engine began, which holds the commit lock, and commit it. */
  private void inWrite(String what, SqlWork work, boolean reload) {
    if (openBy != Thread.currentThread()) {
      throw new IllegalStateException(what + " outside the writer's transaction");
    }
    try {
      work.run();
      commit(reload);
    } catch (SQLException e) {
      end();
      throw Unavailable.because(what, e);
    }
  }

  /** In the writer's transaction when one is open, else on a connection of its own. */
  private <T> T readOutsideWrite(String what, SqlRead<T> work) {
    try {
      if (openBy == Thread.currentThread()) {
        return work.read(open);
      }
      try (Connection connection = pool.getConnection()) {
        return work.read(connection);
      }
    } catch (SQLException e) {
      throw Unavailable.because(what, e);
    }
  }
}
