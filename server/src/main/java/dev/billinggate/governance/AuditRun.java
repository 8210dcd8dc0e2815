package dev.billinggate.governance;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A finished audit held in memory, for commands that need every account at once ({@code root plan}, {@code vend}). */
public record AuditRun(AuditHeader header, Instant finishedAt, List<AccountAudit> accounts) {

  public AuditTally tally() {
    AuditTally tally = new AuditTally();
    accounts.forEach(tally::add);
    return tally;
  }

  /** Keeps what an audit streams, to hand back as one run. */
  static final class Collector implements AuditSink {
    private final List<AccountAudit> accounts = new ArrayList<>();
    private AuditHeader header;
    private Instant finishedAt;

    @Override
    public void begin(AuditHeader h) {
      header = h;
    }

    @Override
    public void account(AccountAudit audit) {
      accounts.add(audit);
    }

    @Override
    public void end(Instant finished, AuditTally tally) {
      finishedAt = finished;
    }

    AuditRun run() {
      return new AuditRun(header, finishedAt, List.copyOf(accounts));
    }
  }

  /** Plays the run into {@code sink} as if it were happening now. */
  public void replay(AuditSink sink) throws IOException {
    sink.begin(header);
    for (AccountAudit a : accounts) {
      sink.account(a);
    }
    sink.end(finishedAt, tally());
  }
}
