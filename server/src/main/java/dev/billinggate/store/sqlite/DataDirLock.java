package dev.billinggate.store.sqlite;

import dev.billinggate.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process per data directory: each open store holds the whole state in memory, so a second
 * writer would silently diverge from it. A separate lock file is used because closing any
 * descriptor of the database file would drop SQLite's own POSIX locks. The OS releases the lock
 * when the process dies, even by {@code kill -9}.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE_NAME = "billing-gate.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new StoreException(dataDir + " is in use by another billing-gate process");
      }
      return new DataDirLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new StoreException(dataDir + " is already open in this process", e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("cannot lock " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** Idempotent. */
  @Override
  public void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StoreException("cannot release " + FILE_NAME, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing with the more useful error
      }
    }
  }
}
