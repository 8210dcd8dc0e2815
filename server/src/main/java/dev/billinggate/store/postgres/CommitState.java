package dev.billinggate.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The single row of {@code commit_state}: see V3__commit_versions.sql. */
record CommitState(long version, long reloadVersion, long historyFrom) {
  static final String SELECT = "SELECT version, reload_version, history_from FROM commit_state WHERE id = 1";

  static CommitState read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SELECT)) {
      return of(row);
    }
  }

  static CommitState of(ResultSet row) throws SQLException {
    if (!row.next()) {
      throw new SQLException("commit_state has no row: the schema was changed outside billing-gate");
    }
    return new CommitState(row.getLong(1), row.getLong(2), row.getLong(3));
  }
}
