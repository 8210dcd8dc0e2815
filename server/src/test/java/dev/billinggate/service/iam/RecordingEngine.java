package dev.billinggate.service.iam;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import java.util.ArrayList;
import java.util.List;

/** The real engine, recording what it was asked so tests can assert what services and the authorizer built. */
public final class RecordingEngine implements PolicyEngine {
  private final PolicyEngine engine = new DefaultPolicyEngine();

  public final List<AuthorizationRequest> requests = new ArrayList<>();
  public int compiles;

  @Override
  public Policy compile(String id, String json, PolicyKind kind) {
    compiles++;
    return engine.compile(id, json, kind);
  }

  @Override
  public Decision decide(AuthorizationRequest request) {
    requests.add(request);
    return engine.decide(request);
  }

  @Override
  public Explanation explain(AuthorizationRequest request) {
    requests.add(request);
    return engine.explain(request);
  }
}
