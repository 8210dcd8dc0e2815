package dev.billinggate.store.engine;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Snapshots;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state every backend serves reads from: all records in memory (decoded on first read), guarded
 * so that a commit becomes visible all at once. A backend only loads rows at open and supplies a
 * {@link CommitSink}; the transaction rules live here once.
 *
 * <p>A write runs its work against a buffer, hands the changes to the sink (the slow, durable
 * part, during which readers keep reading), then applies them under the write lock, which readers
 * see as a pause of a few microseconds per commit. Reads hold the read lock for their whole work
 * function, so one read sees one commit point.
 */
public final class MemoryEngine implements Store {
  // Replaced whole by a restore, under the visibility write lock; transactions hold the one they began with.
  private volatile Tables tables;
  private final CommitSink sink;
  private final EngineSnapshots snapshots;
  private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
  private final ReentrantLock writer = new ReentrantLock();
  private final List<Runnable> changedElsewhere = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /**
   * @param rows committed records as well-formed JSON (the backend checks that, naming the table and
   *     key of a bad one), by table then key; decoded when first read
   */
  public MemoryEngine(Map<String, ? extends Map<String, String>> rows, CommitSink sink) {
    this(rows, sink, SnapshotSink.NONE);
  }

  /** @param snapshots where the backend keeps snapshots; the engine keeps their rows in memory too */
  public MemoryEngine(Map<String, ? extends Map<String, String>> rows, CommitSink sink, SnapshotSink snapshots) {
    this.tables = new Tables(rows, RecordCodec.SHARED);
    this.sink = sink;
    this.snapshots = new EngineSnapshots(this, snapshots);
  }

  @Override
  public <T> T read(Function<ReadTx, T> work) {
    ReentrantReadWriteLock.ReadLock lock = visibility.readLock();
    lock.lock();
    try {
      checkOpen();
      SnapshotReadTx tx = new SnapshotReadTx(tables);
      try {
        return work.apply(tx);
      } finally {
        tx.close();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> T write(Function<WriteTx, T> work) {
    if (writer.isHeldByCurrentThread()) {
      throw new IllegalStateException("write called inside a write on the same store");
    }
    if (visibility.getReadHoldCount() > 0) {
      // Applying the commit would wait for this thread's own read lock forever.
      throw new IllegalStateException("write called inside a read on the same store");
    }
    writer.lock();
    try {
      checkOpen();
      catchUp(sink.begin());
      try {
        BufferedWriteTx tx = new BufferedWriteTx(tables, sink.keepsRecords());
        T result;
        try {
          result = work.apply(tx);
        } finally {
          tx.end();
        }
        if (tx.changedAnything()) {
          if (sink.keepsRecords()) {
            sink.persist(tx.changes());
          }
          applyVisibly(tx);
        }
        return result;
      } finally {
        sink.end();
      }
    } finally {
      writer.unlock();
      sink.settle();
    }
  }

  /**
   * Applies what other processes committed to a shared backend (see {@link CommitSink#poll}), so
   * that reads from now on see every write the backend had committed when this was called.
   */
  public void refresh() {
    if (visibility.getReadHoldCount() > 0) {
      throw new IllegalStateException("refresh inside a read on the same store");
    }
    writer.lock();
    try {
      checkOpen();
      catchUp(sink.poll());
    } finally {
      writer.unlock();
    }
  }

  /**
   * Runs {@code listener} after changes committed by another process became visible here: what
   * services cache about the stored state must be dropped then, as after a restore.
   */
  @Override
  public void onChangedElsewhere(Runnable listener) {
    changedElsewhere.add(listener);
  }

  /** Makes another process's commits visible at once, as a local commit is; the caller is the writer. */
  private void catchUp(Delta delta) {
    if (delta == null || delta.isEmpty()) {
      return;
    }
    Tables next = delta.rows() == null ? tables : Tables.of(Image.encoded(delta.rows()), tables);
    ReentrantReadWriteLock.WriteLock lock = visibility.writeLock();
    lock.lock();
    try {
      tables = next;
      for (Change change : delta.changes()) {
        if (change.isDelete()) {
          next.rows(change.table()).remove(change.key());
        } else {
          next.rows(change.table()).put(change.key(), Row.encoded(change.json()));
        }
      }
    } finally {
      lock.unlock();
    }
    changedElsewhere.forEach(Runnable::run);
  }

  private void applyVisibly(BufferedWriteTx tx) {
    ReentrantReadWriteLock.WriteLock lock = visibility.writeLock();
    lock.lock();
    try {
      tx.apply();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Snapshots snapshots() {
    return snapshots;
  }

  /**
   * Runs {@code work} as the single writer (of every process, on a shared backend), so the committed
   * state cannot change meanwhile.
   */
  <T> T exclusively(Supplier<T> work) {
    if (visibility.getReadHoldCount() > 0) {
      throw new IllegalStateException("snapshot operation inside a read on the same store");
    }
    writer.lock();
    try {
      checkOpen();
      catchUp(sink.begin());
      try {
        return work.get();
      } finally {
        sink.end();
      }
    } finally {
      writer.unlock();
      sink.settle();
    }
  }

  /** The committed tables; stable while the caller runs {@link #exclusively}. */
  Tables tables() {
    return tables;
  }

  /** Makes {@code image} the committed state in one step; the caller runs {@link #exclusively}. */
  void install(Image image) {
    Tables next = Tables.of(image, tables);
    ReentrantReadWriteLock.WriteLock lock = visibility.writeLock();
    lock.lock();
    try {
      tables = next;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void declare(Table<?>... declared) {
    ReentrantReadWriteLock.ReadLock lock = visibility.readLock();
    lock.lock();
    try {
      checkOpen();
      for (Table<?> table : declared) {
        tables.get(table).decodeAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits for a running write, then refuses further use and closes the sink. Idempotent. */
  @Override
  public void close() {
    writer.lock();
    try {
      if (!closed) {
        closed = true;
        sink.close();
      }
    } finally {
      writer.unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
  }
}
