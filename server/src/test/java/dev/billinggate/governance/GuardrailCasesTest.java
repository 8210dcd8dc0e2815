package dev.billinggate.governance;

import static dev.billinggate.governance.GuardrailFixtures.ORG;
import static dev.billinggate.governance.GuardrailFixtures.path;
import static dev.billinggate.governance.GuardrailFixtures.policies;
import static dev.billinggate.governance.GuardrailFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
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
}
