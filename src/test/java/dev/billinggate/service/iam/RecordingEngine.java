package dev.billinggate.service.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Test stand-in for the policy engine until {@code DefaultPolicyEngine} lands in main: compile
 * checks JSON syntax and size, decisions are scripted, and every request is recorded so tests can
 * assert what the services and the authorizer asked.
 */
public final class RecordingEngine implements PolicyEngine {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final List<AuthorizationRequest> requests = new ArrayList<>();
  public Decision decision = Decision.ALLOW;
  public int compiles;

  private record Compiled(String id, PolicyKind kind, String json) implements Policy {}

  @Override
  public Policy compile(String id, String json, PolicyKind kind) {
    compiles++;
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (Exception e) {
      throw new PolicyException(PolicyException.Reason.MALFORMED, "Syntax errors in policy.");
    }
    if (node == null || !node.has("Statement")) {
      throw new PolicyException(PolicyException.Reason.MALFORMED, "Syntax errors in policy.");
    }
    if (json.replaceAll("\\s", "").length() > kind.maxChars()) {
      throw new PolicyException(PolicyException.Reason.SIZE_LIMIT_EXCEEDED,
          "Cannot exceed quota for PolicySize: " + kind.maxChars());
    }
    return new Compiled(id, kind, json);
  }

  @Override
  public Decision decide(AuthorizationRequest request) {
    requests.add(request);
    return decision;
  }

  @Override
  public Explanation explain(AuthorizationRequest request) {
    requests.add(request);
    return new Explanation(decision, decision == Decision.ALLOW ? null : PolicyType.IDENTITY, List.of(),
        decision == Decision.ALLOW ? null : "User: " + request.principal().arn() + " is not authorized to perform: "
            + request.action() + " on resource: " + request.resourceArn()
            + " because no identity-based policy allows the " + request.action() + " action");
  }
}
