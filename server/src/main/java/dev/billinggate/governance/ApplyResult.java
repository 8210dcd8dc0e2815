package dev.billinggate.governance;

import java.time.Instant;
import java.util.List;

/** {@code root apply}'s result for one account; the apply state file keeps every one. */
public record ApplyResult(String accountId, Instant finishedAt, List<CredentialResult> credentials) {
  public boolean complete() {
    return credentials.stream().noneMatch(c -> c.outcome() == CredentialResult.Outcome.FAILED);
  }
}
