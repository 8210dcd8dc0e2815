package dev.billinggate.governance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.EnumMap;
import java.util.Map;

/** What an audit adds up to, counted as accounts stream past: verdicts and the check statuses seen. */
public final class AuditTally {
  private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
  private final Map<CheckStatus, Integer> accountsWith = new EnumMap<>(CheckStatus.class);

  public AuditTally() {
    for (Verdict v : Verdict.values()) {
      verdicts.put(v, 0);
    }
  }

  public void add(AccountAudit audit) {
    verdicts.merge(audit.verdict(), 1, Integer::sum);
    audit.checks().stream().map(Check::status).distinct().forEach(s -> accountsWith.merge(s, 1, Integer::sum));
  }

  public int accounts() {
    return verdicts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Accounts that could not be audited: the run is incomplete (exit 3). */
  public boolean incomplete() {
    return verdicts.get(Verdict.ERROR) > 0;
  }

  public boolean hasFindings(FailOn failOn) {
    return accountsWith.keySet().stream().anyMatch(failOn::counts);
  }

  /** Why {@link #hasFindings} holds, for the line that explains exit 1. */
  public String findings(FailOn failOn) {
    List<String> parts = new ArrayList<>();
    for (CheckStatus status : List.of(CheckStatus.FAIL, CheckStatus.UNKNOWN)) {
      int n = accountsWith.getOrDefault(status, 0);
      if (failOn.counts(status) && n > 0) {
        parts.add(n + (n == 1 ? " account has" : " accounts have") + " a check " + status);
      }
    }
    String line = String.join(", ", parts);
    if (failOn.counts(CheckStatus.UNKNOWN) && accountsWith.getOrDefault(CheckStatus.UNKNOWN, 0) > 0) {
      line += "; UNKNOWN never counts as compliant (--fail-on fail exits 0 on UNKNOWN alone)";
    }
    return line;
  }

  /** {@code 7 accounts: 1 blocked, 6 unknown}: the verdicts that occur, in declaration order. */
  public String summary() {
    int n = accounts();
    String counts = verdicts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    return n + (n == 1 ? " account" : " accounts") + (counts.isEmpty() ? "" : ": " + counts);
  }

  /** Every verdict, in declaration order, with its count (zero included). */
  public Map<Verdict, Integer> verdicts() {
    return Collections.unmodifiableMap(verdicts);
  }
}
