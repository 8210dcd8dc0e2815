package dev.billinggate.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.billinggate.store.ForwardingStore;
import dev.billinggate.store.StoreException;
import dev.billinggate.store.engine.MemoryEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The store several servers share: one PostgreSQL database. Each server serves reads from its own
 * in-memory copy (the engine SQLite uses too) and keeps it current: while its read lease runs, its
 * {@link CommitListener} applies every other server's commit before that commit is acknowledged, so
 * {@link #sync} has nothing to do; without a lease, {@link #sync} reads the database's commit version
 * and applies exactly the rows that changed. A write locks the commit version for its transaction and
 * catches up first (see {@link PostgresSink}). docs/store.md, "Several servers on PostgreSQL", gives
 * the design.
 */
public final class PostgresStore extends ForwardingStore {
  /** {@code pg_advisory_lock} key of {@link #alone}: "bgboot" in ASCII. */
  private static final long BOOTSTRAP_LOCK = 0x6267626f6f74L;
  private static final long ALONE_WAIT_MILLIS = 120_000;
  /**
   * Version checks that may overlap: two make a request wait about one round trip instead of one
   * and a half, for up to twice the queries; more add queries for little.
   */
  static final int FENCE_CONNECTIONS = 2;

  private final HikariDataSource pool;
  private final MemoryEngine engine;
  private final PostgresSink sink;
  private final VersionFence fence;
  private final String node;
  private final NodeLease lease;
  private final CommitListener listener;

  private PostgresStore(HikariDataSource pool, MemoryEngine engine, PostgresSink sink, VersionFence fence,
      String node, NodeLease lease, CommitListener listener) {
    super(engine);
    this.pool = pool;
    this.engine = engine;
    this.sink = sink;
    this.fence = fence;
    this.node = node;
    this.lease = lease;
    this.listener = listener;
  }

  /**
   * Connects, migrates (or refuses a schema from a newer release) and loads every record.
   *
   * @throws StoreException if the database cannot be reached, refuses the credentials, or is not a
   *     billing-gate schema this release can use; the message says which
   */
  public static PostgresStore open(PostgresTarget target, PostgresSettings settings) {
    PostgresConnections connections = new PostgresConnections(target, settings);
    HikariDataSource pool;
    try {
      pool = connections.pool();
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + target.display() + ": " + rootMessage(e), e);
    }
    try {
      PostgresSchema.migrate(pool, target.display());
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        CommitState state = CommitState.read(connection);
        Map<String, Map<String, String>> rows = PostgresRows.loadAll(connection);
        connection.rollback();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        String node = UUID.randomUUID().toString();
        Acknowledgements acks = new Acknowledgements();
        PostgresSink sink = new PostgresSink(pool,
            new LeaseHolders(pool, node, acks, settings.lease().plus(settings.statementTimeout())), state.version());
        MemoryEngine engine = new MemoryEngine(rows, sink, sink);
        NodeLease lease = new NodeLease(settings.lease());
        CommitListener listener = new CommitListener(connections::open, node, settings.lease(), lease, acks,
            sink::localVersion, engine::refresh);
        PostgresStore store = new PostgresStore(pool, engine, sink, new VersionFence(connections::open, FENCE_CONNECTIONS),
            node, lease, listener);
        listener.start();
        return store;
      }
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw e instanceof StoreException se ? se
          : new StoreException("cannot open the store in " + target.display() + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /**
   * Nothing to do while this server's lease runs: every write acknowledged meanwhile was applied
   * here first. Without a lease (not yet renewed, listener down, database unreachable) it asks the
   * database, as a request did before leases.
   */
  @Override
  public void sync() {
    if (lease.valid()) {
      return;
    }
    long latest;
    try {
      latest = fence.latest();
    } catch (SQLException e) {
      throw Unavailable.because("read the commit version", e);
    }
    // Versions only grow; a lower one is this server's own write committed after the check read.
    if (latest > sink.localVersion()) {
      engine.refresh();
    }
  }

  /** Whether requests are served without asking the database now (tests). */
  boolean holdsLease() {
    return lease.valid();
  }

  @Override
  public boolean ready() {
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement(CommitState.SELECT)) {
      select.setQueryTimeout(2);
      try (ResultSet row = select.executeQuery()) {
        boolean migrated = row.next();
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        return migrated;
      }
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** Under a PostgreSQL session advisory lock, released by the server when this process dies. */
  @Override
  public <T> T alone(Supplier<T> work) {
    try (Connection connection = pool.getConnection()) {
      lockAlone(connection);
      try {
        sync();
        return work.get();
      } finally {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          unlock.setLong(1, BOOTSTRAP_LOCK);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw Unavailable.because("take the bootstrap lock", e);
    }
  }

  private static void lockAlone(Connection connection) throws SQLException {
    long deadline = System.nanoTime() + ALONE_WAIT_MILLIS * 1_000_000;
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      lock.setLong(1, BOOTSTRAP_LOCK);
      while (true) {
        try (ResultSet row = lock.executeQuery()) {
          row.next();
          if (row.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new SQLException("another server held the bootstrap lock for " + ALONE_WAIT_MILLIS / 1000 + " s");
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while waiting for the bootstrap lock", e);
        }
      }
    }
  }

  /** Waits for a running write, then closes the connections. */
  @Override
  public void close() {
    try {
      super.close();
    } finally {
      listener.close();
      fence.close();
      forgetLease();
      pool.close();
    }
  }

  /** After the listener stopped renewing: writers stop waiting for this server at once. */
  private void forgetLease() {
    try (Connection connection = pool.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM nodes WHERE id = ?")) {
      delete.setString(1, node);
      delete.execute();
    } catch (SQLException | RuntimeException e) {
      // The lease runs out on its own within its length.
    }
  }
}
