package dev.billinggate.governance;

import java.time.Instant;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/** {@code root recover}: lets the root user of a member account recover its password (and nothing else). */
public final class RootRecovery {
  private final RootSessions sessions;

  public RootRecovery(RootSessions sessions) {
    this.sessions = sessions;
  }

  /** @return true when recovery was enabled now, false when the root user already had a password */
  public boolean enable(String accountId) {
    try (IamClient iam = sessions.open(accountId, RootTask.CREATE_PASSWORD)) {
      // No password in the request: AWS only allows "recovery" here; the root user sets one by email reset.
      iam.createLoginProfile(r -> {});
      return true;
    } catch (EntityAlreadyExistsException e) {
      return false;
    }
  }

  /** Records the operator's word that billing access is now ON; the audit reads it back as the switch's source. */
  public static BillingAttestation attest(String accountId, String caller, Instant now, VendingRecords records) {
    BillingAttestation attestation = new BillingAttestation(accountId, caller, now);
    records.attest(attestation);
    return attestation;
  }

  public static String manualSteps(String accountId) {
    return String.join(System.lineSeparator(),
        "Next steps for account " + accountId + " (only the root user can do them):",
        "  1. Open https://signin.aws.amazon.com/ , choose Root user, enter the account's root email,",
        "     then \"Forgot password?\" and follow the email to set a password.",
        "  2. Sign in as root, open Billing and Cost Management > Account > IAM user and role access to",
        "     billing information > Edit, tick \"Activate IAM Access\" and Update.",
        "  3. Sign out. AWS cannot tell the tool that you turned billing access on, so record it:",
        "     billing-gate root recover " + accountId + " --billing-activated",
        "  4. Delete the password again: billing-gate root plan --accounts " + accountId + " --out plan.json,",
        "     then billing-gate root apply --plan plan.json.");
  }
}
