package dev.billinggate.governance;

import dev.billinggate.core.IdGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code root plan} and {@code root apply}: the plan comes from an audit; apply deletes exactly the plan's items. */
public final class RootPlanner {
  /** The apply state file's shape: per plan, the accounts already finished. */
  record ApplyState(int schemaVersion, Map<String, Map<String, ApplyResult>> plans) {}

  private final Auditor auditor;
  private final RootCleaner cleaner;
  private final Clock clock;
  private final IdGenerator ids;

  public RootPlanner(Auditor auditor, Clock clock, IdGenerator ids) {
    this.auditor = auditor;
    this.cleaner = new RootCleaner(auditor.roots());
    this.clock = clock;
    this.ids = ids;
  }

  /** The audit a plan is made from (and the report of {@code root plan --report}). */
  public AuditRun audit(AccountSelection selection, int concurrency, ProgressListener progress) {
    return auditor.collect(selection, concurrency, progress);
  }

  /** @param only the kinds of credential to delete; all when empty */
  public RootPlan plan(AuditRun run, boolean acceptBillingRisk, Set<CredentialKind> only) {
    List<RootPlan.Entry> entries = new ArrayList<>();
    for (AccountAudit a : run.accounts()) {
      List<String> items = a.credentials() == null ? List.of() : a.credentials().items().stream()
          .filter(item -> only.isEmpty() || only.stream().anyMatch(k -> k.covers(item))).toList();
      entries.add(new RootPlan.Entry(a.accountId(), a.name(), a.verdict(), a.billingAccess(), items,
          refusal(a, items, acceptBillingRisk)));
    }
    return new RootPlan(1, ids.uuid(), clock.instant(), acceptBillingRisk,
        only.stream().map(CredentialKind::cliName).toList(), entries);
  }

  /**
   * Why an account must not lose {@code items} now. Nothing to delete is no refusal, whatever else is
   * wrong: the plan just has nothing to do there. Billing access OFF or UNKNOWN alone can be accepted, and
   * matters only when the password goes: the risk is that only root can turn it on, and recovering the root
   * password undoes the deletion.
   */
  private static String refusal(AccountAudit a, List<String> items, boolean acceptBillingRisk) {
    return switch (a.verdict()) {
      case READY -> null;
      case ERROR -> "not audited: " + String.join("; ", a.reasons());
      case BLOCKED, UNKNOWN -> {
        List<String> other = a.reasons().stream().filter(r -> !r.startsWith(Check.BILLING_ACCESS + ":")).toList();
        if (a.credentials() == null) {
          yield "root credentials not read: " + String.join("; ", a.reasons());
        }
        if (items.isEmpty()) {
          yield null;
        }
        if (!other.isEmpty()) {
          yield String.join("; ", other);
        }
        yield acceptBillingRisk || !items.contains("password") ? null : "billing access is " + a.billingAccess()
            + ": deleting the root password leaves only password recovery to turn it on (--accept-billing-risk to"
            + " proceed, or --only keys,mfa,certificates to keep the password)";
      }
    };
  }

  /**
   * Deletes each planned account's items in one root session per account. Accounts an earlier run of
   * the same plan finished are skipped; failed items are retried by the next run.
   */
  public List<ApplyResult> apply(RootPlan plan, Path stateDir, int concurrency, ProgressListener progress) {
    Path file = stateDir.resolve("root-apply.json");
    ApplyState read = StateFiles.read(file, ApplyState.class, new ApplyState(1, Map.of()));
    Map<String, Map<String, ApplyResult>> plans = new TreeMap<>(read.plans() == null ? Map.of() : read.plans());
    Map<String, ApplyResult> done = new TreeMap<>(plans.getOrDefault(plan.planId(), Map.of()));
    progress.total(plan.toDelete().size());
    return Workers.map(plan.toDelete(), concurrency, entry -> {
      ApplyResult previous;
      synchronized (done) {
        previous = done.get(entry.accountId());
      }
      if (previous != null && previous.complete()) {
        progress.advance();
        return previous.asAlreadyApplied();
      }
      List<CredentialResult> credentials = cleaner.delete(entry.accountId(), entry.delete());
      ApplyResult result = new ApplyResult(entry.accountId(), clock.instant(), credentials, false);
      synchronized (done) {
        done.put(entry.accountId(), result);
        plans.put(plan.planId(), new TreeMap<>(done));
        StateFiles.write(file, new ApplyState(1, plans));
      }
      progress.advance();
      return result;
    });
  }

  public static RootPlan readPlan(Path file) {
    RootPlan plan = StateFiles.read(file, RootPlan.class, null);
    if (plan == null) {
      throw new IllegalArgumentException("no plan file " + file);
    }
    return plan;
  }

  public static String planJson(RootPlan plan) {
    return AuditReports.toJson(plan);
  }
}
