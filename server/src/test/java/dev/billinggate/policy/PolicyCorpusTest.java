package dev.billinggate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of every {@code src/test/resources/policy-corpus/*.json} file; the format is
 * documented in docs/policy-engine.md. Unknown fields fail the run, so typos cannot silently drop
 * an expectation.
 */
class PolicyCorpusTest {
  static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final PolicyEngine engine = new DefaultPolicyEngine();

  record CorpusFile(List<JsonNode> cases) {}

  record DecisionCase(String name, String comment, Policies policies, Request request, Expect expect) {}

  record ValidationCase(String name, String comment, PolicyKind kind, JsonNode document, ExpectError expectError) {}

  record Policies(
      List<JsonNode> identity,
      JsonNode boundary,
      List<JsonNode> session,
      List<List<JsonNode>> scpLevels,
      List<List<JsonNode>> rcpLevels,
      JsonNode resource,
      Boolean resourceRequired) {}

  record Request(
      PrincipalSpec principal, String action, String resource, String resourceAccount, Map<String, JsonNode> context) {}

  record PrincipalSpec(PrincipalKind kind, String arn, String accountId, String issuerArn, Boolean managementAccount) {}

  record Expect(Decision decision, PolicyType blockedBy, String message, List<Ref> deciding) {}

  record Ref(String policy, String sid) {}

  record ExpectError(PolicyException.Reason reason, String message) {}

  @TestFactory
  Stream<DynamicNode> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/policy-corpus").toURI());
    List<DynamicNode> files = new ArrayList<>();
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path p : paths.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        CorpusFile file;
        try (InputStream in = Files.newInputStream(p)) {
          file = JSON.readValue(in, CorpusFile.class);
        }
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode c : file.cases()) {
          if (c.has("document")) {
            ValidationCase v = JSON.treeToValue(c, ValidationCase.class);
            tests.add(DynamicTest.dynamicTest(v.name(), () -> runValidation(v)));
          } else {
            DecisionCase d = JSON.treeToValue(c, DecisionCase.class);
            tests.add(DynamicTest.dynamicTest(d.name(), () -> runDecision(d)));
          }
        }
        files.add(DynamicContainer.dynamicContainer(p.getFileName().toString(), tests));
      }
    }
    return files.stream();
  }

  private void runValidation(ValidationCase v) {
    String text = v.document().isTextual() ? v.document().textValue() : v.document().toString();
    if (v.expectError() == null) {
      assertThat(engine.compile(v.name(), text, v.kind())).isNotNull();
      return;
    }
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> engine.compile("user/alice/inline/P", text, v.kind()));
    assertThat(e).as("expected PolicyException").isNotNull();
    assertThat(e.reason()).isEqualTo(v.expectError().reason());
    if (v.expectError().message() != null) {
      assertThat(e.getMessage()).isEqualTo(v.expectError().message());
    }
  }

  private void runDecision(DecisionCase c) {
    AuthorizationRequest request = request(c);
    Explanation ex = engine.explain(request);
    assertThat(engine.decide(request)).as("decide").isEqualTo(ex.decision());
    Expect e = c.expect();
    assertThat(ex.decision()).as("decision (%s)", ex.message()).isEqualTo(e.decision());
    if (e.blockedBy() != null) {
      assertThat(ex.blockedBy()).as("blockedBy").isEqualTo(e.blockedBy());
    }
    if (e.decision() == Decision.ALLOW) {
      assertThat(ex.blockedBy()).isNull();
      assertThat(ex.message()).isNull();
    }
    if (e.message() != null) {
      assertThat(ex.message()).isEqualTo(e.message());
    }
    if (e.deciding() != null) {
      assertThat(ex.deciding().stream().map(r -> new Ref(r.policyId(), r.sid())).toList())
          .containsExactlyInAnyOrderElementsOf(e.deciding());
    }
  }

  private AuthorizationRequest request(DecisionCase c) {
    Policies p = c.policies() == null ? new Policies(null, null, null, null, null, null, null) : c.policies();
    boolean required = Boolean.TRUE.equals(p.resourceRequired());
    PolicySet set = new PolicySet(
        compileAll("identity", p.identity(), PolicyKind.ROLE_INLINE),
        p.boundary() == null ? null : compile("boundary", p.boundary(), PolicyKind.MANAGED),
        compileAll("session", p.session(), PolicyKind.SESSION),
        levels("scp", p.scpLevels(), PolicyKind.SERVICE_CONTROL),
        levels("rcp", p.rcpLevels(), PolicyKind.RESOURCE_CONTROL),
        p.resource() == null ? null : compile("resource", p.resource(), required ? PolicyKind.TRUST : PolicyKind.RESOURCE),
        required);
    Request r = c.request();
    PrincipalSpec ps = r.principal();
    Principal principal = new Principal(ps.kind(), ps.arn(), ps.accountId(), ps.issuerArn(), Boolean.TRUE.equals(ps.managementAccount()));
    ConditionContext.Builder ctx = ConditionContext.builder();
    if (r.context() != null) {
      r.context().forEach((k, v) -> {
        List<String> values = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(x -> values.add(x.asText()));
        } else {
          values.add(v.asText());
        }
        ctx.put(k, values);
      });
    }
    String resourceAccount = r.resourceAccount() != null ? r.resourceAccount() : ps.accountId();
    return new AuthorizationRequest(principal, r.action(), r.resource(), resourceAccount, ctx.build(), set);
  }

  private List<Policy> compileAll(String prefix, List<JsonNode> docs, PolicyKind kind) {
    List<Policy> out = new ArrayList<>();
    if (docs != null) {
      for (int i = 0; i < docs.size(); i++) {
        out.add(compile(prefix + "[" + i + "]", docs.get(i), kind));
      }
    }
    return out;
  }

  private List<List<Policy>> levels(String prefix, List<List<JsonNode>> levels, PolicyKind kind) {
    List<List<Policy>> out = new ArrayList<>();
    if (levels != null) {
      for (int i = 0; i < levels.size(); i++) {
        out.add(compileAll(prefix + "[" + i + "]", levels.get(i), kind));
      }
    }
    return out;
  }

  private Policy compile(String id, JsonNode doc, PolicyKind kind) {
    return engine.compile(id, doc.isTextual() ? doc.textValue() : doc.toString(), kind);
  }
}
