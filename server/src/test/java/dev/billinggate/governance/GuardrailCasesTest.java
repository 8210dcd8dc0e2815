package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.policy.PolicyType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The SCP/RCP checks against the cases in {@code src/test/resources/governance-guardrails}: each case
 * attaches policies of {@code policies.json} to a path and states the check's status, evidence and
 * remediation (substrings); {@code analysis.json} asks {@link GuardrailAnalysis} about other actions
 * and principals.
 */
class GuardrailCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OrgContext ORG = new OrgContext("o-example", "999999999999",
      "arn:aws:iam::999999999999:user/admin", List.of("RootCredentialsManagement", "RootSessions"), null);

  @TestFactory
  Stream<DynamicTest> rootTasks() throws IOException {
    return cases("root-tasks.json", path -> GuardrailChecks.rootTasksScp(path, ORG));
  }

  @TestFactory
  Stream<DynamicTest> billingPages() throws IOException {
    return cases("billing-pages.json", path -> GuardrailChecks.billingPagesScp(path, ORG));
  }

  @TestFactory
  Stream<DynamicTest> analysis() throws IOException {
    Map<String, OrgPolicy> policies = policies();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : read("analysis.json").get("cases")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
        PolicyPath path = path(c.get("levels"), policies);
        List<String> actions = new ArrayList<>();
        c.get("actions").forEach(a -> actions.add(a.asText()));
        GuardrailResult result = c.get("session").asText().equals("root")
            ? GuardrailChecks.rootSession(path, ORG.organizationId(), actions)
            : GuardrailChecks.iamPrincipal(path, ORG.organizationId(), c.path("principal").textValue(), actions,
                c.path("managementAccount").asBoolean(false));
        assertThat(result.status()).as(result.describe()).hasToString(c.get("expect").get("status").asText());
        for (JsonNode evidence : c.get("expect").path("evidence")) {
          assertThat(result.describe()).contains(evidence.asText());
        }
      }));
    }
    return tests.stream();
  }

  private Stream<DynamicTest> cases(String file, java.util.function.Function<PolicyPath, Check> check)
      throws IOException {
    Map<String, OrgPolicy> policies = policies();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : read(file).get("cases")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
        PolicyPath path = path(c.get("levels"), policies);
        Check result = check.apply(path);
        JsonNode expect = c.get("expect");
        assertThat(result.status()).as(result.evidence()).hasToString(expect.get("status").asText());
        for (JsonNode evidence : expect.path("evidence")) {
          assertThat(result.evidence()).contains(evidence.asText());
        }
        for (JsonNode remediation : expect.path("remediation")) {
          assertThat(result.remediation()).contains(remediation.asText());
        }
        if (result.status() == CheckStatus.PASS) {
          assertThat(result.remediation()).isEmpty();
        }
        if (c.has("auditBlocked")) {
          assertThat(GuardrailChecks.rootTaskBlocked(path, ORG, RootTask.AUDIT)).isEqualTo(c.get("auditBlocked").asBoolean());
        }
      }));
    }
    return tests.stream();
  }

  private static PolicyPath path(JsonNode levels, Map<String, OrgPolicy> policies) {
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

  private static Map<String, OrgPolicy> policies() throws IOException {
    Map<String, OrgPolicy> policies = new HashMap<>();
    read("policies.json").get("policies").fields().forEachRemaining(e -> {
      JsonNode p = e.getValue();
      JsonNode document = p.get("document");
      policies.put(e.getKey(), new OrgPolicy(p.get("id").asText(), e.getKey(),
          p.get("type").asText().equals("RCP") ? PolicyType.RESOURCE_CONTROL : PolicyType.SERVICE_CONTROL,
          document.isTextual() ? document.asText() : document.toString()));
    });
    return policies;
  }

  private static JsonNode read(String file) throws IOException {
    try (InputStream in = GuardrailCasesTest.class.getResourceAsStream("/governance-guardrails/" + file)) {
      return JSON.readTree(in);
    }
  }
}
