package dev.billinggate.service.organizations;

import dev.billinggate.service.organizations.OrgTables.PolicyRecord;
import java.util.List;
import java.util.Optional;

/**
 * The AWS managed policies every organization has: FullAWSAccess (SCP) and RCPFullAWSAccess (RCP).
 * Enabling their type attaches them to the root, every OU and every account; they can't be changed.
 */
final class ManagedOrgPolicies {
  static final String SCP = "SERVICE_CONTROL_POLICY";
  static final String RCP = "RESOURCE_CONTROL_POLICY";

  static final PolicyRecord FULL_AWS_ACCESS = new PolicyRecord(
      "p-FullAWSAccess", "FullAWSAccess", "Allows access to every operation", SCP, true,
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

  static final PolicyRecord RCP_FULL_AWS_ACCESS = new PolicyRecord(
      "p-RCPFullAWSAccess", "RCPFullAWSAccess", "Allows access to every operation", RCP, true,
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}");

  static final List<PolicyRecord> ALL = List.of(FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS);

  private ManagedOrgPolicies() {}

  /** The policy auto-attached everywhere when {@code policyType} is enabled, if that type has one. */
  static Optional<PolicyRecord> defaultFor(String policyType) {
    return ALL.stream().filter(p -> p.type().equals(policyType)).findFirst();
  }

  /** SCPs and RCPs are authorization policies: every target keeps at least one attached. */
  static boolean isAuthorizationType(String policyType) {
    return SCP.equals(policyType) || RCP.equals(policyType);
  }
}
