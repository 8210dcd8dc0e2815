package dev.billinggate.governance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** What an audit adds up to, counted as accounts stream past: verdicts and the check statuses seen. */
public final class AuditTally {
  private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
  private final Set<CheckStatus> statuses = EnumSet.noneOf(CheckStatus.class);

  public AuditTally() {
    for (Verdict v : Verdict.values()) {
      verdicts.put(v, 0);
    }
  }

  public void add(AccountAudit audit) {
    verdicts.merge(audit.verdict(), 1, Integer::sum);
    audit.checks().forEach(c -> statuses.add(c.status()));
  }

  public int accounts() {
    return verdicts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Accounts that could not be audited: the run is incomplete (exit 3). */
  public boolean incomplete() {
    return verdicts.get(Verdict.ERROR) > 0;
  }

  public boolean hasFindings(FailOn failOn) {
    return statuses.stream().anyMatch(failOn::counts);
  }

  /** Every verdict, in declaration order, with its count (zero included). */
  public Map<Verdict, Integer> verdicts() {
    return Collections.unmodifiableMap(verdicts);
  }
}
