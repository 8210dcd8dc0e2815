package dev.billinggate.governance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A resource policy that only root can remove (a queue's, a bucket's), read and deleted in one
 * AssumeRoot session with the matching unlock task; each deletion is recorded in {@code unlocks.json}.
 */
public interface PolicyUnlock extends AutoCloseable {
  /** What the policy belongs to, as the user named it (a queue URL, a bucket name). */
  String resource();

  /** The policy, empty when there is none. */
  Optional<String> policy();

  /** Deletes the policy and records it, with who deleted it, under {@code stateDir}; returns the record. */
  Object delete(String policy, String deletedBy, Path stateDir, Clock clock);

  @Override
  void close();
}
