package dev.billinggate.governance;

import dev.billinggate.core.IdGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** The {@code audit} command's logic: every selected account's checks and verdict, never dropping one. */
public final class Auditor {
  private final AwsClients clients;
  private final Organization organization;
  private final OrgPolicies policies;
  private final RootSessions roots;
  private final VendingRecords records;
  private final EmulatorBillingProbe probe;
  private final Clock clock;
  private final IdGenerator ids;
  /** Whether each account's queues and buckets are checked for policies that lock the account out ({@code --check-lockouts}). */
  private final boolean checkLockouts;

  public Auditor(AwsClients clients, VendingRecords records, Clock clock, IdGenerator ids) {
    this(clients, records, null, clock, ids);
  }

  /** @param probe reads the billing switch from billing-gate's own API; null to rely on the records alone */
  public Auditor(AwsClients clients, VendingRecords records, EmulatorBillingProbe probe, Clock clock, IdGenerator ids) {
    this(clients, clients.organizations(), records, probe, clock, ids);
  }

  /** @param organizations the Organizations client every listing and policy read goes through */
  Auditor(AwsClients clients, OrganizationsClient organizations, VendingRecords records, EmulatorBillingProbe probe,
      Clock clock, IdGenerator ids) {
    this(clients, organizations, records, probe, clock, ids, false);
  }

  private Auditor(AwsClients clients, OrganizationsClient organizations, VendingRecords records,
      EmulatorBillingProbe probe, Clock clock, IdGenerator ids, boolean checkLockouts) {
    this.checkLockouts = checkLockouts;
    this.clients = clients;
    this.organization = new Organization(organizations);
    this.policies = new OrgPolicies(organizations);
    this.roots = new RootSessions(clients);
    this.records = records;
    this.probe = probe;
    this.clock = clock;
    this.ids = ids;
  }

  /** This auditor, also checking every account's SQS queues for policies that lock the account out. */
  public Auditor withLockoutChecks() {
    return new Auditor(clients, clients.organizations(), records, probe, clock, ids, true);
  }

  public RootSessions roots() {
    return roots;
  }

  /** Organization-wide facts; Organizations and STS errors propagate (nothing can be audited without them). */
  public OrgContext context() {
    var org = organization.describe();
    String caller = clients.sts().getCallerIdentity().arn();
    List<String> features = List.of();
    String featuresError = null;
    try {
      features = clients.iam().listOrganizationsFeatures(r -> {}).enabledFeatures().stream()
          .map(FeatureType::toString).toList();
    } catch (SdkException e) {
      featuresError = Errors.describe(e);
    }
    return new OrgContext(org.id(), org.masterAccountId(), caller, features, featuresError);
  }

  /**
   * Audits every selected account into {@code sink}, in listing order, holding only the accounts in
   * flight; the listing itself is kept as compact stubs so the progress bar knows the total.
   */
  public AuditTally audit(AccountSelection selection, int concurrency, ProgressListener progress, AuditSink sink) {
    AuditHeader header = new AuditHeader(AuditHeader.SCHEMA_VERSION, ids.uuid(), clock.instant(),
        context());
    List<MemberAccount> candidates = candidates(selection);
    progress.total(candidates.size());
    AuditTally tally = new AuditTally();
    try {
      sink.begin(header);
      Workers.forEachOrdered(candidates, concurrency, account -> {
        AccountAudit audit = auditOne(account, selection, header.organization());
        progress.advance();
        return Optional.ofNullable(audit);
      }, audit -> audit.ifPresent(a -> {
        tally.add(a);
        write(sink, a);
      }));
      sink.end(clock.instant(), tally);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tally;
  }

  /** The whole run in memory, for commands that need every account at once. */
  public AuditRun collect(AccountSelection selection, int concurrency, ProgressListener progress) {
    AuditRun.Collector collector = new AuditRun.Collector();
    audit(selection, concurrency, progress, collector);
    return collector.run();
  }

  private static void write(AuditSink sink, AccountAudit audit) {
    try {
      sink.account(audit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accounts to look at: named ones one by one (a failure stays a row), else the whole listing. */
  private List<MemberAccount> candidates(AccountSelection selection) {
    if (selection.accounts().isEmpty()) {
      return organization.listMembers();
    }
    return selection.accounts().stream().map(Auditor::unlisted).toList();
  }

  private static MemberAccount unlisted(String id) {
    return new MemberAccount(id, null, null, null, List.of(), Map.of());
  }

  /** The audit of one account, or null when the selection does not cover it. */
  AccountAudit auditOne(String accountId, AccountSelection selection, OrgContext context) {
    return auditOne(unlisted(accountId), selection, context);
  }


  AccountAudit auditOne(MemberAccount listed, AccountSelection selection, OrgContext context) {
    MemberAccount account = listed;
    try {
      MemberAccount described = listed.name() == null ? organization.describeAccount(listed.id()) : listed;
      if (!selection.matchesListing(described)) {
        return null;
      }
      account = organization.member(described, selection.needsTags());
      if (!selection.matches(account)) {
        return null;
      }
      return audit(account, context);
    } catch (SdkException e) {
      Check error = new Check("audit", CheckStatus.ERROR, Errors.describe(e),
          "Re-run the audit for this account (--accounts " + account.id() + "); raise --max-attempts if throttled.");
      List<String> reasons = new ArrayList<>();
      Verdict verdict = AccountChecks.verdict(List.of(error), reasons);
      return new AccountAudit(account.id(), account.name(), account.email(), account.state(), account.path(),
          BillingAccess.UNKNOWN, "none", null, List.of(error), verdict, reasons);
    }
  }

  private AccountAudit audit(MemberAccount account, OrgContext context) {
    List<Check> checks = new ArrayList<>();
    Check state = AccountChecks.state(account);
    checks.add(state);
    checks.add(AccountChecks.rootAccess(context));
    BillingEvidence evidence = BillingEvidence.best(probe == null ? null : probe.read(account.id()),
        records.billing(account.id()));
    checks.add(AccountChecks.billing(account.id(), evidence.access(), evidence.source()));
    PolicyPath path = policies.onPath(account);
    Check rootTasks = GuardrailChecks.rootTasksScp(path, context);
    checks.add(rootTasks);
    checks.add(GuardrailChecks.billingPagesScp(path, context));
    RootCredentials credentials = null;
    if (state.status() != CheckStatus.PASS) {
      checks.add(new Check(Check.ROOT_CREDENTIALS, CheckStatus.NOT_APPLICABLE, "account not ACTIVE", ""));
    } else if (!context.centralizedRootAccess()) {
      checks.add(new Check(Check.ROOT_CREDENTIALS, CheckStatus.UNKNOWN,
          "not audited: centralized root access (both features) is not usable", "Enable it, then audit again."));
    } else if (GuardrailChecks.rootTaskBlocked(path, context, RootTask.AUDIT)) {
      checks.add(new Check(Check.ROOT_CREDENTIALS, CheckStatus.UNKNOWN,
          "not audited: an SCP/RCP denies the audit task", rootTasks.remediation()));
    } else {
      try {
        credentials = roots.audit(account.id());
        checks.add(credentials.any()
            ? new Check(Check.ROOT_CREDENTIALS, CheckStatus.FAIL, credentials.describe(),
                "billing-gate root plan --accounts " + account.id() + ", then root apply.")
            : new Check(Check.ROOT_CREDENTIALS, CheckStatus.PASS, credentials.describe(), ""));
      } catch (SdkException e) {
        checks.add(new Check(Check.ROOT_CREDENTIALS, CheckStatus.ERROR, "AssumeRoot audit failed: " + Errors.describe(e),
            "Check sts:AssumeRoot permissions and throttling, then audit this account again."));
      }
    }
    if (checkLockouts) {
      checks.add(QueueLockouts.check(clients, account.id(), state.status() == CheckStatus.PASS, context));
      checks.add(BucketLockouts.check(clients, account.id(), state.status() == CheckStatus.PASS, context));
    }
    List<String> reasons = new ArrayList<>();
    Verdict verdict = AccountChecks.verdict(checks, reasons);
    return new AccountAudit(account.id(), account.name(), account.email(), account.state(), account.path(),
        evidence.access(), evidence.source(), credentials, checks, verdict, reasons);
  }
}
