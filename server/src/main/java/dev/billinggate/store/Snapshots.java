package dev.billinggate.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Named copies of a store's whole committed state, and putting one back. Every backend implements
 * it, so reset, snapshots and fixtures work the same on every store (see docs/store.md).
 *
 * <p>Each operation is atomic and, on a durable store, durable when it returns. A restore is one
 * commit: a read sees all of the state before it or all of the restored state. Names are the
 * caller's business (the store accepts any non-empty name); records are kept as JSON text, as
 * committed, so a snapshot holds tables this release does not know too.
 */
public interface Snapshots {

  /** Copies the committed state under {@code name}, replacing a snapshot of that name. */
  SnapshotInfo save(String name, Instant createdAt);

  /** Makes the snapshot the committed state; false (and nothing changed) if there is none. */
  boolean restore(String name);

  /** Every snapshot, by name. */
  List<SnapshotInfo> list();

  /** False if there was none. */
  boolean delete(String name);

  /** The snapshot's records, as JSON, for export. */
  Optional<SnapshotContent> content(String name);

  /**
   * Stores {@code content} as the snapshot {@code name} (replacing one of that name) without
   * touching the committed state.
   *
   * @throws IllegalArgumentException naming the table and key of a record that is not well-formed
   *     JSON or not a valid record of its table; nothing is stored then
   */
  SnapshotInfo put(String name, SnapshotContent content);
}
