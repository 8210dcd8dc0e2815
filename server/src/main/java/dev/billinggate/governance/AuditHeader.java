package dev.billinggate.governance;

import java.time.Instant;

/** What is known of an audit run before its first account: the top of every report. */
public record AuditHeader(int schemaVersion, String runId, Instant startedAt, OrgContext organization) {
  public static final int SCHEMA_VERSION = 1;
}
