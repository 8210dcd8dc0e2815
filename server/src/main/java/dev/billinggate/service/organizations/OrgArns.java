package dev.billinggate.service.organizations;

import dev.billinggate.core.Partition;

import java.util.Locale;

/**
 * ARNs of Organizations resources. Organizations is global: no region, and customer resources are
 * owned by the management account while AWS managed policies are owned by {@code aws}.
 */
final class OrgArns {
  private OrgArns() {}

  static String organization(String mgmt, String orgId) {
    return prefix() + mgmt + ":organization/" + orgId;
  }

  static String root(String mgmt, String orgId, String rootId) {
    return prefix() + mgmt + ":root/" + orgId + "/" + rootId;
  }

  static String ou(String mgmt, String orgId, String ouId) {
    return prefix() + mgmt + ":ou/" + orgId + "/" + ouId;
  }

  static String account(String mgmt, String orgId, String accountId) {
    return prefix() + mgmt + ":account/" + orgId + "/" + accountId;
  }

  static String policy(String mgmt, String orgId, String type, String policyId, boolean awsManaged) {
    String typePath = type.toLowerCase(Locale.ROOT);
    return awsManaged
        ? prefix() + "aws:policy/" + typePath + "/" + policyId
        : prefix() + mgmt + ":policy/" + orgId + "/" + typePath + "/" + policyId;
  }

  static String handshake(String mgmt, String orgId, String action, String handshakeId) {
    return prefix() + mgmt + ":handshake/" + orgId + "/" + action.toLowerCase(Locale.ROOT) + "/" + handshakeId;
  }

  static String resourcePolicy(String mgmt, String orgId, String policyId) {
    return prefix() + mgmt + ":resourcepolicy/" + orgId + "/" + policyId;
  }

  /** The ARN of whatever a target id names: a root, an OU, an account or a policy. */
  static String target(String mgmt, String orgId, String targetId) {
    if (targetId.startsWith("r-")) {
      return root(mgmt, orgId, targetId);
    }
    if (targetId.startsWith("ou-")) {
      return ou(mgmt, orgId, targetId);
    }
    return account(mgmt, orgId, targetId);
  }

  /** The IAM ARN of an account as the management account is shown in DescribeOrganization. */
  static String managementAccount(String mgmt, String orgId) {
    return account(mgmt, orgId, mgmt);
  }

  /** Organizations is global: no region; the partition is the request's. */
  private static String prefix() {
    return Partition.arnPrefix() + "organizations::";
  }
}
