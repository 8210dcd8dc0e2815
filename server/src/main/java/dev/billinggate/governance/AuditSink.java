package dev.billinggate.governance;

import java.io.IOException;
import java.time.Instant;

/**
 * Where an audit goes while it runs: accounts arrive one at a time, in selection order, on one thread,
 * so a sink may write straight to a file and keep nothing. Memory stays flat however large the organization.
 */
public interface AuditSink {
  void begin(AuditHeader header) throws IOException;

  void account(AccountAudit audit) throws IOException;

  /** The run is over; {@code tally} counts every account given to {@link #account}. */
  void end(Instant finishedAt, AuditTally tally) throws IOException;

  /** Every call goes to each sink in turn. */
  static AuditSink tee(AuditSink first, AuditSink second) {
    return new AuditSink() {
      @Override
      public void begin(AuditHeader header) throws IOException {
        first.begin(header);
        second.begin(header);
      }

      @Override
      public void account(AccountAudit audit) throws IOException {
        first.account(audit);
        second.account(audit);
      }

      @Override
      public void end(Instant finishedAt, AuditTally tally) throws IOException {
        first.end(finishedAt, tally);
        second.end(finishedAt, tally);
      }
    };
  }
}
