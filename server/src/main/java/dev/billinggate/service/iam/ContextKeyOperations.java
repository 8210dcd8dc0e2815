package dev.billinggate.service.iam;

import dev.billinggate.policy.document.ConditionEntry;
import dev.billinggate.policy.document.Statement;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IdentityPolicies.Principal;
import dev.billinggate.service.iam.IdentityPolicies.StoredPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse;

/** The condition keys policies test, so simulator callers know which context entries to supply. */
final class ContextKeyOperations {
  private final IamEnv env;
  private final IdentityPolicies identities;

  public ContextKeyOperations(IamEnv env, IdentityPolicies identities) {
    this.env = env;
    this.identities = identities;
  }

  public void register(OperationTable table) {
    table.on(GetContextKeysForPrincipalPolicyRequest.class,
        (r, c) -> AccessTarget.of("iam:GetContextKeysForPrincipalPolicy", r.policySourceArn()),
        this::getContextKeysForPrincipalPolicy);
    table.on(GetContextKeysForCustomPolicyRequest.class, this::getContextKeysForCustomPolicy);
  }

  public GetContextKeysForPrincipalPolicyResponse getContextKeysForPrincipalPolicy(
      GetContextKeysForPrincipalPolicyRequest request, CallContext context) {
    Principal source = SimulationOperations.source(env, identities, request.policySourceArn());
    List<String> documents = new ArrayList<>(source.identity().stream().map(StoredPolicy::json).toList());
    documents.addAll(request.policyInputList());
    return GetContextKeysForPrincipalPolicyResponse.builder().contextKeyNames(keys(documents)).build();
  }

  public GetContextKeysForCustomPolicyResponse getContextKeysForCustomPolicy(
      GetContextKeysForCustomPolicyRequest request, CallContext context) {
    return GetContextKeysForCustomPolicyResponse.builder().contextKeyNames(keys(request.policyInputList())).build();
  }

  /** Distinct keys (case-insensitively, first spelling wins) in document and statement order. */
  private static List<String> keys(List<String> documents) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String json : documents) {
      for (Statement statement : PolicyDocuments.parse(json).statements()) {
        for (ConditionEntry entry : statement.condition()) {
          keys.putIfAbsent(entry.key().toLowerCase(Locale.ROOT), entry.key());
        }
      }
    }
    return List.copyOf(keys.values());
  }
}
