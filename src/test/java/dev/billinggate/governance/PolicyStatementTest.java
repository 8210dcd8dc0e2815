package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyStatementTest {
  private static List<PolicyStatement> parse(String json) throws Exception {
    return PolicyStatement.parse("p-1", "guardrails", new ObjectMapper().readTree(json));
  }

  @Test
  void wildcardsMatchCaseInsensitively() {
    assertThat(PolicyStatement.matches("iam:*", "iam:DeleteLoginProfile")).isTrue();
    assertThat(PolicyStatement.matches("IAM:delete*", "iam:DeleteAccessKey")).isTrue();
    assertThat(PolicyStatement.matches("iam:Get?ccountSummary", "iam:GetAccountSummary")).isTrue();
    assertThat(PolicyStatement.matches("iam:List*", "iam:DeleteAccessKey")).isFalse();
    assertThat(PolicyStatement.matches("iam:Get.*", "iam:GetX")).isFalse();
  }

  @Test
  void aSingleStatementObjectAndStringActionAreRead() throws Exception {
    List<PolicyStatement> statements = parse("""
        {"Statement":{"Sid":"S","Effect":"Deny","Action":"ce:*","Resource":"*"}}""");
    assertThat(statements).singleElement().satisfies(s -> {
      assertThat(s.deniedAmong(List.of("ce:GetCostAndUsage", "billing:GetBillingData")))
          .containsExactly("ce:GetCostAndUsage");
      assertThat(s.hasCondition()).isFalse();
      assertThat(s.reference()).isEqualTo("guardrails (p-1) statement S");
    });
  }

  @Test
  void notActionDeniesEverythingElse() throws Exception {
    PolicyStatement s = parse("""
        {"Statement":[{"Effect":"Deny","NotAction":["iam:Get*","iam:List*"],"Resource":"*"}]}""").get(0);
    assertThat(s.deniedAmong(RootTask.AUDIT.actions())).isEmpty();
    assertThat(s.deniedAmong(RootTask.DELETE.actions())).containsExactlyElementsOf(RootTask.DELETE.actions());
  }

  @Test
  void allowsDenyNothingAndTheAssumedRootExemptionIsSeen() throws Exception {
    List<PolicyStatement> statements = parse("""
        {"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
         {"Effect":"Deny","Action":"iam:*","Resource":"*",
          "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},"Bool":{"aws:AssumedRoot":"false"}}}]}""");
    assertThat(statements.get(0).deniedAmong(List.of("iam:DeleteAccessKey"))).isEmpty();
    assertThat(statements.get(1).exemptsAssumedRoot()).isTrue();
    assertThat(AccountChecks.blocking(statements, RootTask.DELETE.actions(), true)).isEmpty();
    assertThat(AccountChecks.blocking(statements, RootTask.DELETE.actions(), false)).hasSize(1);
  }
}
