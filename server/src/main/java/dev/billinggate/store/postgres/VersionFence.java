package dev.billinggate.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest commit version, read from the database by a query that began after the caller asked,
 * so that every commit acknowledged before the call is included. Concurrent callers share queries:
 * a caller waits for a query that started after it arrived if one has, and starts one itself
 * otherwise. Up to {@link #connections} queries overlap, so a caller that arrives while one is in
 * flight starts its own at once instead of waiting for that one to end first: it waits about one
 * round trip, not one and a half, and a busy server makes at most that many queries per round trip,
 * not one per request.
 *
 * <p>Each query runs on a connection of the fence's own, outside the pool, in autocommit: no pool
 * checkout, no transaction to begin or end, and (after pgJDBC's first executions) a statement
 * prepared on the server, so a query is one message each way. A failed query drops its connection;
 * the next query opens a new one.
 */
final class VersionFence implements AutoCloseable {
  static final String SELECT = "SELECT version FROM commit_state WHERE id = 1";

  /** Opens one of the fence's connections. */
  interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final int connections;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queryEnded = lock.newCondition();
  /** Queries are numbered in the order they start. */
  private long started;
  private long latestAnswered;
  private long version;
  private long latestFailed;
  private SQLException failure;
  private int running;
  private final Deque<Channel> idle = new ArrayDeque<>();
  private boolean closed;

  VersionFence(Connector connector, int connections) {
    this.connector = connector;
    this.connections = connections;
  }

  /** @throws SQLException if the query that answers this call failed */
  long latest() throws SQLException {
    lock.lock();
    try {
      // Any query numbered this or later started after this call.
      long needed = started + 1;
      while (true) {
        if (latestAnswered >= needed) {
          return version;
        }
        if (latestFailed >= needed) {
          throw failure;
        }
        if (started < needed && running < connections) {
          runQuery();
        } else {
          queryEnded.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Called and returns holding the lock; runs the query without it. */
  private void runQuery() {
    long number = ++started;
    running++;
    Channel channel = idle.pollFirst();
    boolean stopping = closed;
    lock.unlock();
    long read = 0;
    SQLException failed = null;
    try {
      if (stopping) {
        throw new SQLException("the store is closed");
      }
      if (channel == null) {
        channel = Channel.open(connector);
      }
      read = channel.query();
    } catch (SQLException e) {
      failed = e;
    } catch (RuntimeException e) {
      failed = new SQLException(e);
    } finally {
      lock.lock();
    }
    running--;
    if (failed != null) {
      if (channel != null) {
        channel.close();
      }
      latestFailed = Math.max(latestFailed, number);
      failure = failed;
    } else {
      latestAnswered = Math.max(latestAnswered, number);
      version = Math.max(version, read);
      if (closed) {
        channel.close();
      } else {
        idle.addFirst(channel);
      }
    }
    queryEnded.signalAll();
  }

  /** Closes the idle connections; one in use closes when its query ends (the server is stopping). */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      idle.forEach(Channel::close);
      idle.clear();
    } finally {
      lock.unlock();
    }
  }

  /** A connection with the statement prepared on it. */
  private record Channel(Connection connection, PreparedStatement select) {
    static Channel open(Connector connector) throws SQLException {
      Connection connection = connector.open();
      try {
        return new Channel(connection, connection.prepareStatement(SELECT));
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }

    long query() throws SQLException {
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("commit_state has no row");
        }
        return row.getLong(1);
      }
    }

    void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        // already broken; nothing left to release
      }
    }
  }
}
