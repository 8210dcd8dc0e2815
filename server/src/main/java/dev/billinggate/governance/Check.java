package dev.billinggate.governance;

/**
 * One check's result on one account.
 *
 * @param id stable identifier (report consumers key on it)
 * @param evidence what was observed, and where it came from
 * @param remediation what to do when the status is not compliant; empty otherwise
 */
public record Check(String id, CheckStatus status, String evidence, String remediation) {
  public static final String ROOT_ACCESS = "centralized-root-access";
  public static final String ROOT_CREDENTIALS = "root-credentials-absent";
  public static final String BILLING_ACCESS = "billing-access-on";
  public static final String ROOT_TASKS_SCP = "root-tasks-not-blocked-by-scp";
  public static final String BILLING_PAGES_SCP = "billing-pages-not-blocked-by-scp";
  public static final String ACCOUNT_STATE = "account-active";
  public static final String QUEUE_LOCKOUTS = "no-queue-lockouts";
  public static final String BUCKET_LOCKOUTS = "no-bucket-lockouts";
}
