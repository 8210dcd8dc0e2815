package dev.billinggate.governance;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One audit run: what the JSON report serializes (schema version 1). */
public record AuditRun(int schemaVersion, String runId, Instant startedAt, Instant finishedAt, OrgContext organization,
    List<AccountAudit> accounts) {
  public static final int SCHEMA_VERSION = 1;

  public boolean incomplete() {
    return accounts.stream().anyMatch(a -> a.verdict() == Verdict.ERROR);
  }

  public boolean hasFindings(FailOn failOn) {
    return accounts.stream().anyMatch(a -> a.hasFindings(failOn));
  }

  public Map<Verdict, Integer> verdicts() {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    accounts.forEach(a -> counts.merge(a.verdict(), 1, Integer::sum));
    return counts;
  }
}
