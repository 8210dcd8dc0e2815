package dev.billinggate.store.engine;

import dev.billinggate.store.SnapshotInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a backend keeps snapshots durably. {@link MemoryEngine} keeps the in-memory copies and
 * calls these under its writer lock, so the backend's committed rows are exactly the engine's
 * committed state whenever one is called: a backend can copy rows between its own tables without
 * the engine handing them over (SQLite: {@code INSERT ... SELECT}).
 */
public interface SnapshotSink {

  /** Keeps nothing: the engine's copies are the only ones ({@code --in-memory}). */
  SnapshotSink NONE =
      new SnapshotSink() {
        @Override
        public List<SnapshotInfo> list() {
          return List.of();
        }

        @Override
        public Map<String, Map<String, String>> load(String name) {
          throw new IllegalStateException("no stored snapshot " + name);
        }

        @Override
        public void save(String name, Instant createdAt, int records) {}

        @Override
        public void restore(String name) {}

        @Override
        public void delete(String name) {}

        @Override
        public void put(String name, Instant createdAt, Map<String, ? extends Map<String, String>> rows) {}
      };

  /**
   * True if other processes change this sink's snapshots too (a database several servers share):
   * the engine then lists and loads them on every use instead of keeping copies.
   */
  default boolean shared() {
    return false;
  }

  /** The stored snapshots: read once at open, or on every use when {@link #shared}. */
  List<SnapshotInfo> list();

  /** A stored snapshot's rows as JSON, by table then key. */
  Map<String, Map<String, String>> load(String name);

  /** Copies the committed rows into snapshot {@code name}, replacing it; durable on return. */
  void save(String name, Instant createdAt, int records);

  /** Replaces the committed rows with the snapshot's, atomically and durably. */
  void restore(String name);

  void delete(String name);

  /** Stores {@code rows} as snapshot {@code name}, replacing it; durable on return. */
  void put(String name, Instant createdAt, Map<String, ? extends Map<String, String>> rows);
}
