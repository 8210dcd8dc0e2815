package dev.billinggate.store.sqlite;

import dev.billinggate.store.ForwardingStore;
import dev.billinggate.store.StoreException;
import dev.billinggate.store.engine.MemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * The durable store: {@code <dataDir>/billing-gate.db}, SQLite in WAL mode with {@code
 * synchronous=FULL}. All rows are loaded at open and served from memory; each write is committed
 * to SQLite before it becomes visible. Open with {@link #open(Path)}, close on shutdown.
 */
public final class SqliteStore extends ForwardingStore {
  public static final String FILE_NAME = "billing-gate.db";

  private final DataDirLock lock;

  private SqliteStore(DataDirLock lock, MemoryEngine engine) {
    super(engine);
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) the store in {@code dataDir}: locks the directory against other
   * processes, applies pending migrations, and loads every record.
   *
   * @throws StoreException if the directory is in use, the file is from a newer release, or a
   *     stored row is not well-formed JSON (the message names its table and key)
   */
  public static SqliteStore open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + dataDir, e);
    }
    DataDirLock lock = DataDirLock.acquire(dataDir);
    Connection connection = null;
    try {
      String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
      connection = connect(url);
      SqliteSchema.migrate(connection, url);
      SqliteSchema.checkFormat(connection);
      MemoryEngine engine =
          new MemoryEngine(SqliteRows.loadAll(connection), new SqliteCommitSink(connection),
              new SqliteSnapshotSink(connection));
      return new SqliteStore(lock, engine);
    } catch (SQLException | RuntimeException e) {
      closeAfterFailedOpen(connection, lock, e);
      throw e instanceof StoreException se
          ? se
          : new StoreException("cannot open store in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(String url) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    // WAL lets the journal be appended and fsynced once per commit; FULL makes that fsync happen
    // before COMMIT returns (NORMAL would only sync at checkpoints and could lose the last commits).
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(5_000);
    return config.createConnection(url);
  }

  private static void closeAfterFailedOpen(Connection connection, DataDirLock lock, Exception e) {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException closing) {
      e.addSuppressed(closing);
    }
    lock.close();
  }

  /** Waits for a running write, closes the database, and releases the data directory. */
  @Override
  public void close() {
    try {
      super.close();
    } finally {
      lock.close();
    }
  }
}
