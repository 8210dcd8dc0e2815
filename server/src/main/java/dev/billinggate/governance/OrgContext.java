package dev.billinggate.governance;

import java.util.List;

/**
 * What holds for the whole organization in one run.
 *
 * @param caller the caller's ARN (GetCallerIdentity)
 * @param features centralized root access features enabled (ListOrganizationsFeatures)
 * @param featuresError why the features could not be read (the caller is neither the management account nor the
 *     IAM delegated administrator, or trusted access is off); null when they were read
 */
public record OrgContext(String organizationId, String managementAccountId, String caller, List<String> features,
    String featuresError) {

  /** AssumeRoot needs both features: RootSessions for the session, RootCredentialsManagement for root credentials. */
  public boolean centralizedRootAccess() {
    return featuresError == null && features.contains("RootCredentialsManagement") && features.contains("RootSessions");
  }
}
