package dev.billinggate.service.organizations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.core.AwsException;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.document.PolicySize;

/**
 * Validates policy documents as Organizations does: SCPs and RCPs through the policy engine (IAM
 * grammar and size quotas), management policies (tag, backup, ...) as JSON objects, whose
 * type-specific syntax billing-gate doesn't check.
 */
final class PolicyDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PolicyEngine engine;
  private final int scpMaxBytes;

  PolicyDocuments(PolicyEngine engine, int scpMaxBytes) {
    this.engine = engine;
    this.scpMaxBytes = scpMaxBytes;
  }

  void validate(String policyType, String content) {
    switch (policyType) {
      case ManagedOrgPolicies.SCP -> {
        if (PolicySize.size(PolicyKind.SERVICE_CONTROL, content) > scpMaxBytes) {
          throw tooLarge();
        }
        compile(content, PolicyKind.SERVICE_CONTROL);
      }
      case ManagedOrgPolicies.RCP -> compile(content, PolicyKind.RESOURCE_CONTROL);
      default -> requireJsonObject(content);
    }
  }

  /** The organization's resource-based delegation policy; its errors are InvalidInputException. */
  void validateResourcePolicy(String content) {
    try {
      engine.compile("organizations-resource-policy", content, PolicyKind.RESOURCE);
    } catch (PolicyException e) {
      throw e.reason() == PolicyException.Reason.SIZE_LIMIT_EXCEEDED
          ? OrganizationsError.constraint("POLICY_CONTENT_LIMIT_EXCEEDED",
              "You attempted to add a policy that exceeds the size limit.")
          : OrganizationsError.invalidInput("INVALID_RESOURCE_POLICY_JSON", e.getMessage());
    }
  }

  private void compile(String content, PolicyKind kind) {
    try {
      engine.compile("validation", content, kind);
    } catch (PolicyException e) {
      throw switch (e.reason()) {
        case MALFORMED -> OrganizationsError.MALFORMED_POLICY_DOCUMENT.exception(e.getMessage());
        case SIZE_LIMIT_EXCEEDED -> tooLarge();
      };
    }
  }

  private static AwsException tooLarge() {
    return OrganizationsError.constraint("POLICY_CONTENT_LIMIT_EXCEEDED",
        "You attempted to add a policy that exceeds the size limit.");
  }

  private static void requireJsonObject(String content) {
    try {
      JsonNode node = JSON.readTree(content);
      if (node != null && node.isObject()) {
        return;
      }
    } catch (JsonProcessingException e) {
      // reported below, as AWS does, without the parser's details
    }
    throw OrganizationsError.MALFORMED_POLICY_DOCUMENT.exception(
        "The provided policy document doesn't meet the requirements of the specified policy type.");
  }
}
