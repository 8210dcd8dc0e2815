package dev.billinggate.governance;

import java.time.Instant;
import java.util.List;

/**
 * {@code root apply}'s result for one account; the apply state file keeps every one.
 *
 * @param alreadyApplied an earlier run of the same plan finished this account at {@code finishedAt}; this
 *     run called nothing for it
 */
public record ApplyResult(String accountId, Instant finishedAt, List<CredentialResult> credentials,
    boolean alreadyApplied) {
  public boolean complete() {
    return credentials.stream().noneMatch(c -> c.outcome() == CredentialResult.Outcome.FAILED);
  }

  ApplyResult asAlreadyApplied() {
    return new ApplyResult(accountId, finishedAt, credentials, true);
  }
}
