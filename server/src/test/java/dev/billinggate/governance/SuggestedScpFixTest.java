package dev.billinggate.governance;

import static dev.billinggate.governance.GuardrailFixtures.JSON;
import static dev.billinggate.governance.GuardrailFixtures.ORG;
import static dev.billinggate.governance.GuardrailFixtures.path;
import static dev.billinggate.governance.GuardrailFixtures.policies;
import static dev.billinggate.governance.GuardrailFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.policy.PolicyType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Follows the audit's advice for every SCP shape of {@code governance-guardrails}: the Condition entry
 * the root-tasks check's remediation tells the user to add is parsed from the remediation text, added
 * to the statement it names, and the policy engine evaluates the result. The AssumeRoot tasks must no
 * longer be blocked by that statement, and the root user signing in with its own credentials must still
 * be denied exactly as before: advice that switches a guardrail off fails here.
 */
class SuggestedScpFixTest {
  /** One suggestion: {@code NAME (ID) statement SID (at LEVELS)…add ENTRY to its Condition}. */
  private static final Pattern SUGGESTION = Pattern.compile(
      "(\\S+) \\(([^)]+)\\) statement (\\S+) \\(at [^)]*\\)[^\"]*? add (\"[^\"]+\": \\{[^}]*\\}) to its Condition");
  private static final List<String> ACTIONS = GuardrailChecks.rootTaskActions(RootTask.AUDIT, RootTask.DELETE);

  private record Suggestion(String policyId, String statement, JsonNode entry) {
    String label(Map<String, OrgPolicy> byId) {
      return byId.get(policyId).label() + " statement " + statement;
    }
  }

  @TestFactory
  Stream<DynamicTest> everySuggestedExemptionKeepsRootSignInsDenied() throws IOException {
    Map<String, OrgPolicy> policies = policies();
    Map<String, PolicyPath> shapes = new LinkedHashMap<>();
    for (JsonNode c : read("root-tasks.json").get("cases")) {
      shapes.put(c.get("name").asText(), path(c.get("levels"), policies));
    }
    OrgPolicy full = policies.get("FullAWSAccess");
    policies.values().stream().filter(p -> p.type() == PolicyType.SERVICE_CONTROL && p != full).forEach(p ->
        shapes.put("SCP " + p.name() + " alone on the account", new PolicyPath("111111111111", List.of(
            new PolicyPath.Level("r-root", List.of(full)), new PolicyPath.Level("ou-root-workloads", List.of(full)),
            new PolicyPath.Level("111111111111", List.of(full, p))))));
    List<DynamicTest> tests = new ArrayList<>();
    shapes.forEach((name, path) -> {
      Check check = GuardrailChecks.rootTasksScp(path, ORG);
      List<Suggestion> suggestions = suggestions(check.remediation());
      if (!suggestions.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(name, () -> verify(path, suggestions)));
      }
    });
    assertThat(tests).as("shapes whose remediation suggests an exemption").hasSizeGreaterThanOrEqualTo(8);
    return tests.stream();
  }

  private static void verify(PolicyPath path, List<Suggestion> suggestions) throws IOException {
    Map<String, OrgPolicy> byId = new LinkedHashMap<>();
    path.levels().forEach(l -> l.policies().forEach(p -> byId.put(p.id(), p)));
    PolicyPath fixed = path;
    for (Suggestion s : suggestions) {
      fixed = apply(fixed, s);
    }
    GuardrailResult session = GuardrailChecks.rootSession(fixed, ORG.organizationId(), ACTIONS);
    GuardrailResult signInBefore = GuardrailChecks.rootSignIn(path, ORG.organizationId(), ACTIONS);
    GuardrailResult signInAfter = GuardrailChecks.rootSignIn(fixed, ORG.organizationId(), ACTIONS);
    assertThat(signInBefore.status()).as("the statement applies to root sign-ins before the fix")
        .isNotEqualTo(CheckStatus.PASS);
    for (Suggestion s : suggestions) {
      assertThat(session.describe()).as("AssumeRoot tasks after the fix").doesNotContain(s.label(byId));
      assertThat(signInAfter.describe()).as("root sign-in after the fix").contains(s.label(byId));
    }
    assertThat(signInAfter.status()).as("root sign-in after the fix: " + signInAfter.describe())
        .isEqualTo(signInBefore.status());
    if (path.levels().stream().allMatch(l -> l.policies().stream().noneMatch(p -> p.name().startsWith("Allow")))) {
      assertThat(session.status()).as("AssumeRoot tasks after the fix: " + session.describe()).isEqualTo(CheckStatus.PASS);
    }
  }

  private static List<Suggestion> suggestions(String remediation) {
    List<Suggestion> out = new ArrayList<>();
    Matcher m = SUGGESTION.matcher(remediation);
    while (m.find()) {
      try {
        out.add(new Suggestion(m.group(2), m.group(3), JSON.readTree("{" + m.group(4) + "}")));
      } catch (IOException e) {
        throw new AssertionError("the suggested Condition entry is not JSON: " + m.group(4), e);
      }
    }
    return out;
  }

  /** The path with the suggestion's entry merged into the named statement's Condition. */
  private static PolicyPath apply(PolicyPath path, Suggestion s) throws IOException {
    OrgPolicy policy = path.policy(s.policyId());
    ObjectNode document = (ObjectNode) JSON.readTree(policy.content());
    JsonNode statements = document.get("Statement");
    ArrayNode list = statements.isArray() ? (ArrayNode) statements : JSON.createArrayNode().add(statements);
    document.set("Statement", list);
    ObjectNode statement = null;
    for (int i = 0; i < list.size(); i++) {
      boolean named = s.statement().equals("#" + (i + 1)) || s.statement().equals(list.get(i).path("Sid").asText());
      statement = named ? (ObjectNode) list.get(i) : statement;
    }
    assertThat(statement).as("statement " + s.statement() + " of " + policy.label()).isNotNull();
    ObjectNode condition = statement.has("Condition") ? (ObjectNode) statement.get("Condition")
        : statement.putObject("Condition");
    s.entry().fields().forEachRemaining(e -> {
      ObjectNode operator = condition.has(e.getKey()) ? (ObjectNode) condition.get(e.getKey()) : condition.putObject(e.getKey());
      operator.setAll((ObjectNode) e.getValue());
    });
    OrgPolicy changed = new OrgPolicy(policy.id(), policy.name(), policy.type(), JSON.writeValueAsString(document));
    return new PolicyPath(path.accountId(), path.levels().stream().map(l -> new PolicyPath.Level(l.targetId(),
        l.policies().stream().map(p -> p.id().equals(policy.id()) ? changed : p).toList())).toList());
  }
}
