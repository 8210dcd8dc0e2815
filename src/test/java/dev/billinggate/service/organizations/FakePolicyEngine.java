package dev.billinggate.service.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;

/**
 * Test-only stand-in for {@code policy.eval.DefaultPolicyEngine} until it lands on main: compiles
 * anything that is a JSON object with a Statement, enforces the size limit, never decides.
 */
final class FakePolicyEngine implements PolicyEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  int compilations;

  @Override
  public Policy compile(String id, String json, PolicyKind kind) {
    compilations++;
    if (json.replaceAll("\\s", "").length() > kind.maxChars()) {
      throw new PolicyException(PolicyException.Reason.SIZE_LIMIT_EXCEEDED, "Policy is too large.");
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject() || !node.has("Statement")) {
        throw new PolicyException(PolicyException.Reason.MALFORMED, "Syntax errors in policy.");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PolicyException(PolicyException.Reason.MALFORMED, "Syntax errors in policy.");
    }
    return new Policy() {
      @Override public String id() { return id; }
      @Override public PolicyKind kind() { return kind; }
      @Override public String json() { return json; }
    };
  }

  @Override
  public Decision decide(AuthorizationRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Explanation explain(AuthorizationRequest request) {
    throw new UnsupportedOperationException();
  }
}
