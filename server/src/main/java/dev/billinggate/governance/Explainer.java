package dev.billinggate.governance;

import dev.billinggate.catalog.BillingPage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The {@code explain} command's logic, in the order AWS decides a billing page: the account's billing
 * switch (pages only), SCPs on the account's path (evaluated by {@link GuardrailAnalysis} with what is
 * known of the principal), then the principal's IAM policies as SimulatePrincipalPolicy evaluates them.
 */
public final class Explainer {
  private final AwsClients clients;
  private final Organization organization;
  private final OrgPolicies policies;
  private final VendingRecords records;

  public Explainer(AwsClients clients, VendingRecords records) {
    this.clients = clients;
    this.organization = new Organization(clients.organizations());
    this.policies = new OrgPolicies(clients.organizations());
    this.records = records;
  }

  /**
   * @param roleName role to assume in the principal's account when it is not the caller's: AWS simulates
   *     only principals of the calling account
   */
  public Explanation explain(String principalArn, BillingPage page, List<String> actions, String roleName) {
    String account = accountOf(principalArn);
    List<String> cannotKnow = new ArrayList<>();
    // Against billing-gate the switch is readable through its own API; against AWS only the records know it.
    EmulatorBillingProbe probe = clients.emulatorProbe();
    BillingEvidence evidence = BillingEvidence.best(probe == null ? null : probe.read(account), records.billing(account));
    BillingAccess billing = evidence.access();
    String billingSource = billing == BillingAccess.UNKNOWN ? "none: AWS has no API to read the switch"
        : evidence.source();
    var org = organization.describe();
    boolean management = account.equals(org.masterAccountId());
    // SCPs do not apply to the management account; its path is left empty.
    PolicyPath path = management ? new PolicyPath(account, List.of())
        : policies.onPath(organization.member(organization.describeAccount(account), false));
    List<EvaluationResult> simulated = simulate(principalArn, account, actions, roleName);
    List<Explanation.Step> steps = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      GuardrailResult guardrails = GuardrailChecks.iamPrincipal(path, org.id(), principalArn,
          List.of(actions.get(i)), management);
      steps.add(step(account, actions.get(i), page != null, billing, billingSource, guardrails, simulated.get(i)));
    }
    cannotKnow.add("SCP/RCP conditions on keys only a live request has (aws:SourceIp, aws:RequestedRegion,"
        + " principal tags, MFA, time, ...) cannot be evaluated; a statement that depends on them makes the step UNKNOWN.");
    cannotKnow.add("Resource-based policies, RCPs on resources and session policies of a live session are not simulated.");
    if (page != null && billing == BillingAccess.UNKNOWN) {
      cannotKnow.add("The account's IAM access to billing switch: only its root user can see it on the Account page.");
    }
    return new Explanation(principalArn, account, page == null ? null : page.cliName(), billing, billingSource,
        steps, cannotKnow);
  }

  private static Explanation.Step step(String account, String action, boolean gatedBySwitch, BillingAccess billing, String billingSource,
      GuardrailResult guardrails, EvaluationResult result) {
    if (gatedBySwitch && billing == BillingAccess.OFF) {
      return new Explanation.Step(action, CheckStatus.FAIL, "the account's IAM access to billing switch is OFF ("
          + billingSource + "); no IAM policy can allow billing pages",
          "billing-gate root recover " + account + ", sign in as root and activate IAM access on the Account page.");
    }
    if (guardrails.status() == CheckStatus.FAIL) {
      return new Explanation.Step(action, CheckStatus.FAIL, "SCP/RCP: " + guardrails.describe(),
          GuardrailChecks.remediation(guardrails, f -> "Narrow " + f.statement()
              + " or exempt this principal (e.g. with an aws:PrincipalArn condition)."));
    }
    String matched = result.matchedStatements().stream().map(s -> s.sourcePolicyId())
        .distinct().collect(Collectors.joining(", "));
    if (result.evalDecision() == PolicyEvaluationDecisionType.EXPLICIT_DENY) {
      return new Explanation.Step(action, CheckStatus.FAIL, "explicit Deny in " + matched,
          "Remove " + action + " from that Deny statement.");
    }
    if (result.evalDecision() != PolicyEvaluationDecisionType.ALLOWED) {
      return new Explanation.Step(action, CheckStatus.FAIL, "no identity policy allows it (implicit deny)",
          "Allow " + action + " (e.g. attach arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess for read-only pages).");
    }
    if (guardrails.status() == CheckStatus.UNKNOWN) {
      return new Explanation.Step(action, CheckStatus.UNKNOWN, "allowed by " + matched + ", unless SCP/RCP: "
          + guardrails.describe(), GuardrailChecks.remediation(guardrails, f -> "Confirm this principal satisfies "
              + f.statement() + " (it tests " + String.join(", ", f.unknownKeys()) + ")."));
    }
    if (gatedBySwitch && billing == BillingAccess.UNKNOWN) {
      return new Explanation.Step(action, CheckStatus.UNKNOWN, "allowed by " + matched
          + ", if the account's billing switch is ON (unknown)", "Confirm the switch as root on the Account page.");
    }
    return new Explanation.Step(action, CheckStatus.PASS, "allowed by " + matched, "");
  }

  private List<EvaluationResult> simulate(String principalArn, String account, List<String> actions, String roleName) {
    String callerAccount = clients.sts().getCallerIdentity().account();
    if (account.equals(callerAccount)) {
      return simulateWith(clients.iam(), principalArn, actions);
    }
    Credentials c = clients.sts().assumeRole(r -> r.roleSessionName("billing-gate-explain")
        .roleArn("arn:aws:iam::" + account + ":role/" + roleName)).credentials();
    try (IamClient iam = clients.iamAs(
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))) {
      return simulateWith(iam, principalArn, actions);
    }
  }

  private static List<EvaluationResult> simulateWith(IamClient iam, String principalArn, List<String> actions) {
    List<EvaluationResult> results = new ArrayList<>();
    iam.simulatePrincipalPolicyPaginator(r -> r.policySourceArn(principalArn).actionNames(actions)).stream()
        .forEach(page -> results.addAll(page.evaluationResults()));
    return results;
  }

  static String accountOf(String arn) {
    String[] parts = arn.split(":");
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[4].matches("\\d{12}")) {
      throw new IllegalArgumentException("not an IAM principal ARN: " + arn);
    }
    return parts[4];
  }
}
