package dev.billinggate.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The checks of one account that need no root session, and the verdict they add up to. */
final class AccountChecks {
  private AccountChecks() {}

  static Check state(MemberAccount account) {
    return "ACTIVE".equals(account.state())
        ? new Check(Check.ACCOUNT_STATE, CheckStatus.PASS, "State ACTIVE", "")
        : new Check(Check.ACCOUNT_STATE, CheckStatus.FAIL, "State " + account.state(),
            "Only ACTIVE accounts can be audited or cleaned up; closed accounts keep counting against the quota.");
  }

  static Check rootAccess(OrgContext org) {
    if (org.featuresError() != null) {
      return new Check(Check.ROOT_ACCESS, CheckStatus.FAIL, "ListOrganizationsFeatures failed: " + org.featuresError(),
          "Run as the management account or the IAM delegated administrator, with trusted access for iam.amazonaws.com.");
    }
    return org.centralizedRootAccess()
        ? new Check(Check.ROOT_ACCESS, CheckStatus.PASS, "Enabled features: " + org.features(), "")
        : new Check(Check.ROOT_ACCESS, CheckStatus.FAIL, "Enabled features: " + org.features(),
            "aws iam enable-organizations-root-credentials-management and aws iam enable-organizations-root-sessions"
                + " (after enabling trusted access for iam.amazonaws.com).");
  }

  static Check billing(BillingAccess access, String source) {
    return switch (access) {
      case ON -> new Check(Check.BILLING_ACCESS, CheckStatus.PASS, "ON (" + source + ")", "");
      case OFF -> new Check(Check.BILLING_ACCESS, CheckStatus.FAIL, "OFF (" + source + ")",
          "Before deleting root credentials: billing-gate root recover ACCOUNT, sign in as root, activate IAM access"
              + " on the Account page, record it with root recover ACCOUNT --billing-activated, then delete the"
              + " password again.");
      case UNKNOWN -> new Check(Check.BILLING_ACCESS, CheckStatus.UNKNOWN,
          "UNKNOWN: AWS has no API to read it and the tool did not vend this account",
          "Check the Account page as root (or confirm the CreateAccount request used IamUserAccessToBilling=ALLOW),"
              + " then record it with billing-gate root recover ACCOUNT --billing-activated.");
    };
  }

  /** Deny statements on the path that hit {@code actions} and do not exempt AssumeRoot sessions. */
  static List<PolicyStatement> blocking(List<PolicyStatement> statements, List<String> actions, boolean rootSession) {
    return statements.stream()
        .filter(s -> !s.deniedAmong(actions).isEmpty())
        .filter(s -> !(rootSession && s.exemptsAssumedRoot()))
        .toList();
  }

  static Check rootTasksScp(List<PolicyStatement> statements) {
    List<String> actions = new ArrayList<>(RootTask.AUDIT.actions());
    actions.addAll(RootTask.DELETE.actions());
    List<PolicyStatement> blocking = blocking(statements, actions, true);
    if (blocking.isEmpty()) {
      return new Check(Check.ROOT_TASKS_SCP, CheckStatus.PASS,
          statements.size() + " SCP/RCP statements on the path; none denies the root tasks", "");
    }
    return new Check(Check.ROOT_TASKS_SCP, CheckStatus.FAIL, "Denied by " + describe(blocking, actions),
        "Exempt AssumeRoot sessions: add \"Bool\": {\"aws:AssumedRoot\": \"false\"} to the statement's Condition.");
  }

  static Check billingPagesScp(List<PolicyStatement> statements) {
    List<String> actions = BillingPage.allActions();
    List<PolicyStatement> blocking = blocking(statements, actions, false);
    if (blocking.isEmpty()) {
      return new Check(Check.BILLING_PAGES_SCP, CheckStatus.PASS, "No SCP/RCP statement denies billing page actions", "");
    }
    // Conditions are not evaluated: a conditional Deny may or may not apply to a given principal.
    boolean unconditional = blocking.stream().anyMatch(s -> !s.hasCondition());
    return new Check(Check.BILLING_PAGES_SCP, unconditional ? CheckStatus.FAIL : CheckStatus.UNKNOWN,
        (unconditional ? "Denied by " : "Conditionally denied by ") + describe(blocking, actions),
        "Billing pages need these actions even with billing access ON; narrow the statement or exempt billing roles.");
  }

  private static String describe(List<PolicyStatement> statements, List<String> actions) {
    return statements.stream().map(s -> s.reference() + " denies " + s.deniedAmong(actions))
        .collect(Collectors.joining("; "));
  }

  static Verdict verdict(List<Check> checks, List<String> reasons) {
    for (Check c : checks) {
      if (c.status() == CheckStatus.ERROR) {
        reasons.add(c.id() + ": " + c.evidence());
      }
    }
    if (!reasons.isEmpty()) {
      return Verdict.ERROR;
    }
    for (Check c : checks) {
      boolean blocks = c.status() == CheckStatus.FAIL && !c.id().equals(Check.ROOT_CREDENTIALS)
          && !c.id().equals(Check.BILLING_PAGES_SCP);
      if (blocks) {
        reasons.add(c.id() + ": " + c.evidence());
      }
    }
    if (!reasons.isEmpty()) {
      return Verdict.BLOCKED;
    }
    for (Check c : checks) {
      boolean needed = c.status() == CheckStatus.UNKNOWN && !c.id().equals(Check.BILLING_PAGES_SCP);
      if (needed) {
        reasons.add(c.id() + ": " + c.evidence());
      }
    }
    return reasons.isEmpty() ? Verdict.READY : Verdict.UNKNOWN;
  }
}
