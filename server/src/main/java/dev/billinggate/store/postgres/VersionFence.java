package dev.billinggate.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The latest commit version, read from the database by a query that began after the caller asked,
 * so that every commit acknowledged before the call is included. Concurrent callers share queries:
 * one runs at a time, and everyone who arrived while it ran is answered by the next, so a server
 * under load pays about one round trip per round trip, not one per request.
 */
final class VersionFence {
  private final DataSource pool;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roundEnded = lock.newCondition();
  private long started;
  private long finished;
  private boolean running;
  private long version;
  private SQLException failure;

  VersionFence(DataSource pool) {
    this.pool = pool;
  }

  /** @throws SQLException if the round that answers this call failed */
  long latest() throws SQLException {
    lock.lock();
    try {
      // The first round that starts after this call; any later one would do as well.
      long needed = started + 1;
      while (finished < needed) {
        if (running) {
          roundEnded.awaitUninterruptibly();
          continue;
        }
        running = true;
        started++;
        long round = started;
        lock.unlock();
        long read = 0;
        SQLException failed = null;
        try {
          read = query();
        } catch (SQLException e) {
          failed = e;
        } catch (RuntimeException e) {
          failed = new SQLException(e);
        } finally {
          lock.lock();
        }
        running = false;
        finished = round;
        version = read;
        failure = failed;
        roundEnded.signalAll();
      }
      if (failure != null) {
        throw failure;
      }
      return version;
    } finally {
      lock.unlock();
    }
  }

  private long query() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT version FROM commit_state WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("commit_state has no row");
      }
      long read = row.getLong(1);
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      return read;
    }
  }
}
