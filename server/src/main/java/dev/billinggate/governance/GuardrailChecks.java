package dev.billinggate.governance;

import dev.billinggate.catalog.BillingPage;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.policy.Principal;
import dev.billinggate.policy.PrincipalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit's SCP/RCP checks, through {@link GuardrailAnalysis}.
 *
 * <ul>
 *   <li>Root tasks: the IAM actions of the audit and delete tasks, called by an AssumeRoot session of
 *       the member on {@code arn:aws:iam::ACCOUNT:root} with {@code aws:AssumedRoot=true}. RCPs do not
 *       cover IAM, so only SCPs count. {@code sts:AssumeRoot} itself is called by the management
 *       account (or the IAM delegated administrator) and authorized there, so the member's SCPs and
 *       RCPs do not govern it.
 *   <li>Billing pages: every page's actions on {@code "*"} by some IAM user or role of the member:
 *       {@code aws:AssumedRoot} absent, the principal's ARN and tags unknown.
 * </ul>
 */
public final class GuardrailChecks {
  private GuardrailChecks() {}

  static List<String> rootTaskActions(RootTask... tasks) {
    List<String> actions = new ArrayList<>();
    for (RootTask task : tasks) {
      task.actions().stream().filter(a -> !actions.contains(a)).forEach(actions::add);
    }
    return actions;
  }

  /**
   * The Condition entry that exempts AssumeRoot sessions from a Deny. {@code IfExists} matters: a root
   * sign-in has no {@code aws:AssumedRoot} key, so the entry holds for it and the Deny still applies
   * (plain {@code Bool} would not hold on the missing key and would switch the guardrail off).
   */
  static final String ASSUME_ROOT_EXEMPTION = "\"BoolIfExists\": {\"aws:AssumedRoot\": \"false\"}";

  static GuardrailResult rootSession(PolicyPath path, String organizationId, List<String> actions) {
    String account = path.accountId();
    return GuardrailAnalysis.analyze(path, rootUser(PrincipalKind.ASSUMED_ROOT, account), rootArn(account),
        KnownContext.rootSession(account, organizationId, path.orgPath(organizationId)), actions);
  }

  /** The same actions by the root user signed in with its own credentials, which the guardrails should keep denying. */
  static GuardrailResult rootSignIn(PolicyPath path, String organizationId, List<String> actions) {
    String account = path.accountId();
    return GuardrailAnalysis.analyze(path, rootUser(PrincipalKind.ROOT, account), rootArn(account),
        KnownContext.rootSignIn(account, organizationId, path.orgPath(organizationId)), actions);
  }

  private static Principal rootUser(PrincipalKind kind, String account) {
    return new Principal(kind, rootArn(account), account, null, false);
  }

  private static String rootArn(String account) {
    return "arn:aws:iam::" + account + ":root";
  }

  /** @param principalArn the IAM user or role, or null for any IAM principal of the account */
  static GuardrailResult iamPrincipal(PolicyPath path, String organizationId, String principalArn,
      List<String> actions, boolean managementAccount) {
    String account = path.accountId();
    boolean role = principalArn != null && principalArn.contains(":role/");
    String arn = principalArn != null ? principalArn : "arn:aws:iam::" + account + ":user/any-billing-principal";
    Principal principal = new Principal(role ? PrincipalKind.ROLE_SESSION : PrincipalKind.IAM_USER, arn, account,
        role ? principalArn : null, managementAccount);
    return GuardrailAnalysis.analyze(path, principal, "*",
        KnownContext.iamPrincipal(account, organizationId, path.orgPath(organizationId), principalArn), actions);
  }

  public static Check rootTasksScp(PolicyPath path, OrgContext org) {
    List<String> actions = rootTaskActions(RootTask.AUDIT, RootTask.DELETE);
    GuardrailResult result = rootSession(path, org.organizationId(), actions);
    return switch (result.status()) {
      case PASS -> new Check(Check.ROOT_TASKS_SCP, CheckStatus.PASS, (path.enabled(PolicyType.SERVICE_CONTROL)
          ? "SCPs at every level (" + levels(path) + ") allow the " + actions.size()
              + " root-task IAM actions for AssumeRoot sessions and no Deny applies"
          : "No SCP on the path (SCPs not enabled)") + "; RCPs do not cover IAM", "");
      case FAIL -> new Check(Check.ROOT_TASKS_SCP, CheckStatus.FAIL,
          "Blocked for AssumeRoot sessions: " + result.describe(), remediation(result, GuardrailChecks::rootFix));
      default -> new Check(Check.ROOT_TASKS_SCP, CheckStatus.UNKNOWN,
          "May be blocked for AssumeRoot sessions: " + result.describe(), remediation(result, GuardrailChecks::rootFix));
    };
  }

  /** Whether the SCPs deny {@code task}'s actions to AssumeRoot sessions whatever the unknown keys are. */
  public static boolean rootTaskBlocked(PolicyPath path, OrgContext org, RootTask task) {
    return rootSession(path, org.organizationId(), task.actions()).status() == CheckStatus.FAIL;
  }

  public static Check billingPagesScp(PolicyPath path, OrgContext org) {
    GuardrailResult result = iamPrincipal(path, org.organizationId(), null, BillingPage.allActions(), false);
    return switch (result.status()) {
      case PASS -> new Check(Check.BILLING_PAGES_SCP, CheckStatus.PASS,
          "SCPs allow every billing page action for IAM principals and no Deny applies; RCPs do not cover billing",
          "");
      case FAIL -> new Check(Check.BILLING_PAGES_SCP, CheckStatus.FAIL,
          "Denied for IAM principals: " + result.describe(), remediation(result, GuardrailChecks::billingFix));
      default -> new Check(Check.BILLING_PAGES_SCP, CheckStatus.UNKNOWN,
          "May be denied for IAM principals: " + result.describe(), remediation(result, GuardrailChecks::billingFix));
    };
  }

  private static String levels(PolicyPath path) {
    return path.levels().stream().map(PolicyPath.Level::targetId).collect(Collectors.joining(", "));
  }

  /** One sentence per deciding finding; Deny wording depends on the check. */
  static String remediation(GuardrailResult result, Function<GuardrailFinding, String> denyFix) {
    return result.deciding().stream().map(f -> {
      String where = String.join(", ", f.levels());
      return switch (f.kind()) {
        case NO_ALLOW -> "Attach an " + f.abbreviation() + " that allows these actions at " + where
            + " (e.g. FullAWSAccess).";
        case CONDITIONAL_ALLOW -> "Allow these actions without conditions on unknown keys at " + where
            + " (e.g. attach FullAWSAccess).";
        case UNREADABLE -> "Review " + f.statement() + " by hand: the policy engine could not read it.";
        case DENY, MAY_DENY -> denyFix.apply(f);
      };
    }).distinct().collect(Collectors.joining(" "));
  }

  private static String rootFix(GuardrailFinding f) {
    String exempt = "add " + ASSUME_ROOT_EXEMPTION + " to its Condition (root sign-ins lack the key and stay denied)";
    String where = " (at " + String.join(", ", f.levels()) + ")";
    return f.kind() == GuardrailFinding.Kind.DENY
        ? "Exempt AssumeRoot sessions from " + f.statement() + where + ": " + exempt + ", or narrow its Action/Resource."
        : f.statement() + where + " tests " + String.join(", ", f.unknownKeys())
            + ", unknown before the request: confirm it spares AssumeRoot sessions, or " + exempt + ".";
  }

  private static String billingFix(GuardrailFinding f) {
    String where = " (at " + String.join(", ", f.levels()) + ")";
    return f.kind() == GuardrailFinding.Kind.DENY
        ? "Narrow " + f.statement() + where + " or exempt billing principals (e.g. an aws:PrincipalArn condition):"
            + " billing pages need these actions even with billing access ON."
        : f.statement() + where + " tests " + String.join(", ", f.unknownKeys())
            + ", unknown before the request: confirm billing principals satisfy it.";
  }
}
