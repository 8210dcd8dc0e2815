package dev.billinggate.store.postgres;

import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.engine.Change;
import dev.billinggate.store.engine.CommitSink;
import dev.billinggate.store.engine.Delta;
import dev.billinggate.store.engine.SnapshotSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The write path of servers sharing one PostgreSQL database. A write (or snapshot operation) locks
 * the single row of {@code commit_state} ({@code SELECT ... FOR UPDATE}) for its whole transaction,
 * so writes of all servers are serialized exactly as one server's are: the work runs on the latest
 * committed state (caught up inside the lock), and AWS's invariants (unique names, at most five
 * CreateAccount in progress, the last SCP) hold across servers without serialization retries.
 * Commits are acknowledged only after PostgreSQL's COMMIT returned.
 *
 * <p>The engine calls everything but {@link #list}/{@link #load} as its single writer, under its
 * writer lock; {@code localVersion} is the commit version the engine's state reflects.
 */
final class PostgresSink implements CommitSink, SnapshotSink {
  /** Tombstones are kept for this many versions; a server further behind reloads everything. */
  private static final long TOMBSTONE_HISTORY = 10_000;

  private final DataSource pool;
  private volatile long localVersion;
  // The writer's transaction, between begin and commit or end; only its thread may use it.
  private Connection open;
  private volatile Thread openBy;
  private long openVersion;

  PostgresSink(DataSource pool, long loadedVersion) {
    this.pool = pool;
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
      try (PreparedStatement lock = open.prepareStatement(CommitState.SELECT + " FOR UPDATE");
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
        upsert.executeBatch();
        delete.executeBatch();
        tombstone.executeBatch();
      }
      if (version % 1_000 == 0) {
        update("DELETE FROM tombstones WHERE version <= ?", version - TOMBSTONE_HISTORY);
        update("UPDATE commit_state SET history_from = ? WHERE id = 1 AND history_from < ?",
            version - TOMBSTONE_HISTORY, version - TOMBSTONE_HISTORY);
      }
      commitAs(version, false);
    } catch (SQLException e) {
      throw Unavailable.because("commit", e);
    }
  }

  /** Bumps the commit version (and, for a restore, makes every other server reload) and commits. */
  private void commitAs(long version, boolean reload) throws SQLException {
    if (reload) {
      update("UPDATE commit_state SET version = ?, reload_version = ? WHERE id = 1", version, version);
    } else {
      update("UPDATE commit_state SET version = ? WHERE id = 1", version);
    }
    open.commit();
    localVersion = version;
    end();
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
    return readOutsideWrite("list snapshots", connection -> {
      List<SnapshotInfo> out = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT name, created_at, records FROM snapshots");
          ResultSet row = select.executeQuery()) {
        while (row.next()) {
          out.add(new SnapshotInfo(row.getString(1), Instant.parse(row.getString(2)), row.getInt(3)));
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, Map<String, String>> load(String name) {
    return readOutsideWrite("read snapshot " + name, connection -> {
      Map<String, Map<String, String>> rows = new HashMap<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT tbl, key, value::text FROM snapshot_items WHERE snapshot = ?")) {
        select.setString(1, name);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            rows.computeIfAbsent(row.getString(1), t -> new LinkedHashMap<>()).put(row.getString(2), row.getString(3));
          }
        }
      }
      return rows;
    });
  }

  @Override
  public void save(String name, Instant createdAt, int records) {
    inWrite("save snapshot " + name, () -> {
      clear(name);
      update("INSERT INTO snapshot_items (snapshot, tbl, key, value) SELECT ?, tbl, key, value FROM items", name);
      update("INSERT INTO snapshots (name, created_at, records) VALUES (?, ?, ?)", name, createdAt.toString(), records);
      open.commit();
      end();
    });
  }

  @Override
  public void restore(String name) {
    inWrite("restore snapshot " + name, () -> {
      // DELETE, not TRUNCATE: TRUNCATE is not MVCC-safe, and other servers read items concurrently.
      update("DELETE FROM items");
      update("DELETE FROM tombstones");
      long version = openVersion + 1;
      update("INSERT INTO items (tbl, key, value, version) SELECT tbl, key, value, ? FROM snapshot_items"
          + " WHERE snapshot = ?", version, name);
      commitAs(version, true);
    });
  }

  @Override
  public void delete(String name) {
    inWrite("delete snapshot " + name, () -> {
      clear(name);
      open.commit();
      end();
    });
  }

  @Override
  public void put(String name, Instant createdAt, Map<String, ? extends Map<String, String>> rows) {
    inWrite("store snapshot " + name, () -> {
      clear(name);
      int records = 0;
      try (PreparedStatement insert = open.prepareStatement(
          "INSERT INTO snapshot_items (snapshot, tbl, key, value) VALUES (?, ?, ?, ?::json)")) {
        for (var table : rows.entrySet()) {
          for (var row : table.getValue().entrySet()) {
            insert.setString(1, name);
            insert.setString(2, table.getKey());
            insert.setString(3, row.getKey());
            insert.setString(4, row.getValue());
            insert.addBatch();
            records++;
          }
        }
        insert.executeBatch();
      }
      update("INSERT INTO snapshots (name, created_at, records) VALUES (?, ?, ?)", name, createdAt.toString(), records);
      open.commit();
      end();
    });
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

  /** Snapshot writes run in the transaction the engine began, which holds the commit lock. */
  private void inWrite(String what, SqlWork work) {
    if (openBy != Thread.currentThread()) {
      throw new IllegalStateException(what + " outside the writer's transaction");
    }
    try {
      work.run();
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

  private void clear(String name) throws SQLException {
    update("DELETE FROM snapshot_items WHERE snapshot = ?", name);
    update("DELETE FROM snapshots WHERE name = ?", name);
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = open.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
