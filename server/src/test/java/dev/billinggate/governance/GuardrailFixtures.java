package dev.billinggate.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.policy.PolicyType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of {@code src/test/resources/governance-guardrails}: policies by name and paths built from them. */
final class GuardrailFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final OrgContext ORG = new OrgContext("o-example", "999999999999",
      "arn:aws:iam::999999999999:user/admin", List.of("RootCredentialsManagement", "RootSessions"), null);

  private GuardrailFixtures() {}

  /** {@code levels}: target id → names of attached policies, root first, the account last. */
  static PolicyPath path(JsonNode levels, Map<String, OrgPolicy> policies) {
    List<PolicyPath.Level> out = new ArrayList<>();
    String account = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = levels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> level = it.next();
      List<OrgPolicy> attached = new ArrayList<>();
      level.getValue().forEach(name -> attached.add(policies.get(name.asText())));
      out.add(new PolicyPath.Level(level.getKey(), attached));
      account = level.getKey();
    }
    return new PolicyPath(account, out);
  }

  /** policies.json, by name, in file order. */
  static Map<String, OrgPolicy> policies() throws IOException {
    Map<String, OrgPolicy> policies = new LinkedHashMap<>();
    read("policies.json").get("policies").fields().forEachRemaining(e -> {
      JsonNode p = e.getValue();
      JsonNode document = p.get("document");
      policies.put(e.getKey(), new OrgPolicy(p.get("id").asText(), e.getKey(),
          p.get("type").asText().equals("RCP") ? PolicyType.RESOURCE_CONTROL : PolicyType.SERVICE_CONTROL,
          document.isTextual() ? document.asText() : document.toString()));
    });
    return policies;
  }

  static JsonNode read(String file) throws IOException {
    try (InputStream in = GuardrailFixtures.class.getResourceAsStream("/governance-guardrails/" + file)) {
      return JSON.readTree(in);
    }
  }
}
