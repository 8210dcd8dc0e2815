package dev.billinggate.emulator;

import dev.billinggate.store.SnapshotContent;
import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.twin.Twin;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's whole state as one thing to reset, save and restore: the store and every
 * in-memory state derived from it (caches, console sessions, sign-in throttling). A request being
 * served while the state is replaced sees all of the state before or all of the state after.
 *
 * <p>Snapshot names are checked with {@link SnapshotNames#check}; a bad one throws {@link
 * IllegalArgumentException}.
 */
public interface StateControl {

  /** Back to the first-start state: the bootstrap account, its users and passwords, nothing else. */
  void reset();

  /** Saves the current state as {@code name}, replacing a snapshot of that name. */
  SnapshotInfo save(String name);

  /** Makes snapshot {@code name} the current state; false (nothing changed) when there is none. */
  boolean restore(String name);

  /** The snapshots users saved or imported, by name. */
  List<SnapshotInfo> list();

  /** False when there was none. */
  boolean delete(String name);

  /** The snapshot's records, for export to a file. */
  Optional<SnapshotContent> export(String name);

  /**
   * Stores {@code content} as snapshot {@code name} without touching the current state.
   *
   * @throws IllegalArgumentException naming a record that is not a valid record of its table
   */
  SnapshotInfo importSnapshot(String name, SnapshotContent content);

  /**
   * Builds {@code twin}'s organization with its own ids, in one write, in an emulator that holds
   * nothing but its bootstrap account.
   *
   * @param unknownBillingOn the billing switch of the accounts whose switch the twin does not know
   * @throws IllegalStateException when the emulator is not empty (nothing is changed)
   * @throws IllegalArgumentException when the twin cannot be built here (nothing is changed)
   */
  TwinLoaded importTwin(Twin twin, boolean unknownBillingOn);

  /**
   * A twin built. When its management account is not the bootstrap account, that account gets a new
   * root access key, so someone can act as the organization's management; shown once.
   *
   * @param accessKeyId null when the management account is the bootstrap account
   * @param notLoaded what the twin has and this emulator could not build (a role's policy it does not know)
   */
  record TwinLoaded(String organizationId, int accounts, String managementAccountId, String accessKeyId,
      String secretAccessKey, List<String> notLoaded) {}
}
