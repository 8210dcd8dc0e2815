package dev.billinggate.store.sqlite;

import dev.billinggate.store.StoreException;
import dev.billinggate.store.engine.Change;
import dev.billinggate.store.engine.CommitSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes each store transaction as one SQLite transaction on the single writer connection. With
 * WAL and {@code synchronous=FULL}, COMMIT returns after the WAL is fsynced, which is the point an
 * acknowledged write survives power loss.
 */
final class SqliteCommitSink implements CommitSink {
  private final Connection connection;
  private final PreparedStatement upsert;
  private final PreparedStatement delete;

  SqliteCommitSink(Connection connection) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    this.upsert =
        connection.prepareStatement(
            "INSERT INTO items (tbl, key, value) VALUES (?, ?, ?)"
                + " ON CONFLICT (tbl, key) DO UPDATE SET value = excluded.value");
    this.delete = connection.prepareStatement("DELETE FROM items WHERE tbl = ? AND key = ?");
  }

  @Override
  public void persist(List<Change> changes) {
    try {
      for (Change change : changes) {
        if (change.isDelete()) {
          delete.setString(1, change.table());
          delete.setString(2, change.key());
          delete.executeUpdate();
        } else {
          upsert.setString(1, change.table());
          upsert.setString(2, change.key());
          upsert.setString(3, change.json());
          upsert.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException e) {
      rollback(e);
      throw new StoreException("commit failed: " + e.getMessage(), e);
    }
  }

  private void rollback(SQLException cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close database: " + e.getMessage(), e);
    }
  }
}
