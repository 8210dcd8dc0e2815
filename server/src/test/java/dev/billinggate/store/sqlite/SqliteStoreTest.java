package dev.billinggate.store.sqlite;

import static dev.billinggate.store.TestRecords.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.store.StoreException;
import dev.billinggate.store.TestRecords.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
  @TempDir Path dataDir;

  private void put(String key) {
    try (SqliteStore store = SqliteStore.open(dataDir)) {
      store.write(tx -> { tx.put(USERS, key, User.named(key)); return null; });
    }
  }

  private Optional<User> reopenAndGet(String key) {
    try (SqliteStore store = SqliteStore.open(dataDir)) {
      return store.read(tx -> tx.get(USERS, key));
    }
  }

  private void sql(String statement) throws SQLException {
    String url = "jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME);
    try (Connection connection = DriverManager.getConnection(url);
        Statement s = connection.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private String pragma(String name) throws SQLException {
    String url = "jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME);
    try (Connection connection = DriverManager.getConnection(url);
        Statement s = connection.createStatement();
        ResultSet row = s.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void keepsWritesAcrossReopenInOneWalModeFile() throws SQLException {
    put("111/alice");

    assertThat(reopenAndGet("111/alice")).contains(User.named("111/alice"));
    assertThat(dataDir.resolve("billing-gate.db")).exists();
    assertThat(pragma("journal_mode")).isEqualTo("wal");
  }

  @Test
  void storesRecordsAsReadableJson() throws SQLException {
    put("111/alice");
    String url = "jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME);
    try (Connection connection = DriverManager.getConnection(url);
        Statement s = connection.createStatement();
        ResultSet row = s.executeQuery("SELECT value FROM items WHERE tbl = 'test.users'")) {
      row.next();
      assertThat(row.getString(1)).contains("\"created\":\"2026-11-24T04:45:00.123456789Z\"");
    }
  }

  @Test
  void ignoresTablesItDoesNotKnow() throws SQLException {
    put("111/alice");
    sql("INSERT INTO items VALUES ('future.widgets', 'w1', '{\"shape\":\"round\"}')");

    assertThat(reopenAndGet("111/alice")).isPresent();
  }

  @Test
  void namesTableAndKeyOfCorruptJsonAtOpen() throws SQLException {
    put("111/alice");
    sql("UPDATE items SET value = '{\"name\": \"al' WHERE key = '111/alice'");

    assertThatThrownBy(() -> SqliteStore.open(dataDir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("test.users/111/alice");
    sql("DELETE FROM items WHERE key = '111/alice'");
    put("111/bob"); // the failed open released the directory
  }

  @Test
  void namesTableAndKeyOfARecordThatDoesNotFitItsTypeWhenDeclared() throws SQLException {
    put("111/alice");
    sql("UPDATE items SET value = '{\"created\": \"not a time\"}' WHERE key = '111/alice'");

    try (SqliteStore store = SqliteStore.open(dataDir)) {
      assertThatThrownBy(() -> store.declare(USERS))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("test.users/111/alice");
    }
  }

  @Test
  void namesTableAndKeyOfAnUndecodableRecordOnFirstRead() throws SQLException {
    put("111/alice");
    sql("UPDATE items SET value = '[1, 2]' WHERE key = '111/alice'");

    try (SqliteStore store = SqliteStore.open(dataDir)) {
      assertThatThrownBy(() -> store.read(tx -> tx.get(USERS, "111/alice")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("test.users/111/alice");
    }
  }

  @Test
  void refusesAFileFromANewerFormat() throws SQLException {
    put("111/alice");
    sql("UPDATE meta SET value = '99' WHERE name = 'format'");

    assertThatThrownBy(() -> SqliteStore.open(dataDir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() {
    try (SqliteStore first = SqliteStore.open(dataDir)) {
      assertThatThrownBy(() -> SqliteStore.open(dataDir))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("already open");
    }
    SqliteStore.open(dataDir).close();
  }

  @Test
  void createsTheDataDirectory() {
    Path nested = dataDir.resolve("a/b");
    SqliteStore.open(nested).close();
    assertThat(Files.exists(nested.resolve(SqliteStore.FILE_NAME))).isTrue();
  }
}
