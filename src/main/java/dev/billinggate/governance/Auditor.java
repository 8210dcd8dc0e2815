package dev.billinggate.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.organizations.model.Account;

/** The {@code audit} command's logic: every selected account's checks and verdict, never dropping one. */
public final class Auditor {
  private final AwsClients clients;
  private final Organization organization;
  private final OrgPolicies policies;
  private final RootSessions roots;
  private final VendingRecords records;
  private final Clock clock;

  public Auditor(AwsClients clients, VendingRecords records, Clock clock) {
    this.clients = clients;
    this.organization = new Organization(clients.organizations());
    this.policies = new OrgPolicies(clients.organizations());
    this.roots = new RootSessions(clients);
    this.records = records;
    this.clock = clock;
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

  public AuditRun audit(AccountSelection selection, int concurrency, Runnable onAccountDone) {
    var started = clock.instant();
    OrgContext context = context();
    List<Account> candidates = candidates(selection);
    List<AccountAudit> audits = Workers.map(candidates, concurrency, account -> {
      AccountAudit audit = auditOne(account, selection, context);
      onAccountDone.run();
      return audit;
    });
    List<AccountAudit> kept = audits.stream().filter(Objects::nonNull).toList();
    return new AuditRun(AuditRun.SCHEMA_VERSION, UUID.randomUUID().toString(), started, clock.instant(), context, kept);
  }

  /** Accounts to look at: named ones one by one (a failure stays a row), else the whole listing. */
  private List<Account> candidates(AccountSelection selection) {
    if (selection.accounts().isEmpty()) {
      return organization.listMembers();
    }
    List<Account> named = new ArrayList<>();
    for (String id : selection.accounts()) {
      named.add(Account.builder().id(id).build());
    }
    return named;
  }

  /** The audit of one account, or null when the selection does not cover it. */
  AccountAudit auditOne(Account listed, AccountSelection selection, OrgContext context) {
    MemberAccount account = new MemberAccount(listed.id(), listed.name(), listed.email(), listed.stateAsString(),
        List.of(), Map.of());
    try {
      Account described = listed.name() == null ? organization.describeAccount(listed.id()) : listed;
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
    var record = records.find(account.id());
    BillingAccess billing = record.map(VendingRecord::billingAccess).orElse(BillingAccess.UNKNOWN);
    String billingSource = record.map(r -> "vending record: IamUserAccessToBilling=" + r.iamUserAccessToBilling()
        + " (request " + r.createAccountRequestId() + ")").orElse("none");
    checks.add(AccountChecks.billing(billing, billingSource));
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
    List<String> reasons = new ArrayList<>();
    Verdict verdict = AccountChecks.verdict(checks, reasons);
    return new AccountAudit(account.id(), account.name(), account.email(), account.state(), account.path(),
        billing, billingSource, credentials, checks, verdict, reasons);
  }
}
