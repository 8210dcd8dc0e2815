package dev.billinggate.governance;

import java.util.List;

/**
 * The checks of one account that need no root session (SCP/RCP ones: {@link GuardrailChecks}), and the
 * verdict they add up to.
 */
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
            "billing-gate root enable --root-sessions (trusted access for iam.amazonaws.com, then"
                + " RootCredentialsManagement and RootSessions; root check shows what is missing).");
  }

  /** The remediations name {@code accountId}, so they can be run as they stand. */
  static Check billing(String accountId, BillingAccess access, String source) {
    return switch (access) {
      case ON -> new Check(Check.BILLING_ACCESS, CheckStatus.PASS, "ON (" + source + ")", "");
      case OFF -> new Check(Check.BILLING_ACCESS, CheckStatus.FAIL, "OFF (" + source + ")",
          "Before deleting root credentials: billing-gate root recover " + accountId + ", sign in as root, activate"
              + " IAM access on the Account page, record it with billing-gate root recover " + accountId
              + " --billing-activated, then delete the password again.");
      case UNKNOWN -> new Check(Check.BILLING_ACCESS, CheckStatus.UNKNOWN,
          "UNKNOWN: AWS has no API to read it and the tool did not vend this account",
          "Check the Account page as root (or confirm the CreateAccount request used IamUserAccessToBilling=ALLOW),"
              + " then record it with billing-gate root recover " + accountId + " --billing-activated.");
    };
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
      // A locked queue or bucket is a finding, not a reason to keep root: a root session repairs it after deletion.
      boolean blocks = c.status() == CheckStatus.FAIL && !c.id().equals(Check.ROOT_CREDENTIALS)
          && !c.id().equals(Check.BILLING_PAGES_SCP) && !isLockout(c);
      if (blocks) {
        reasons.add(c.id() + ": " + c.evidence());
      }
    }
    if (!reasons.isEmpty()) {
      return Verdict.BLOCKED;
    }
    for (Check c : checks) {
      boolean needed = c.status() == CheckStatus.UNKNOWN && !c.id().equals(Check.BILLING_PAGES_SCP) && !isLockout(c);
      if (needed) {
        reasons.add(c.id() + ": " + c.evidence());
      }
    }
    return reasons.isEmpty() ? Verdict.READY : Verdict.UNKNOWN;
  }

  private static boolean isLockout(Check c) {
    return c.id().equals(Check.QUEUE_LOCKOUTS) || c.id().equals(Check.BUCKET_LOCKOUTS);
  }
}
