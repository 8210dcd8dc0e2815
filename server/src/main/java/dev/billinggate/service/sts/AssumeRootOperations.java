package dev.billinggate.service.sts;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.Session;
import dev.billinggate.core.CommonError;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.iam.IamOrganizations;
import dev.billinggate.service.iam.IamOrganizations.Standing;
import dev.billinggate.service.iam.RootAccessFeatures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.AssumeRootResponse;

/**
 * AssumeRoot: a short root session in a member account, scoped by one of AWS's root-task policies,
 * for IAM principals of the management account or of the IAM delegated administrator once the
 * organization has enabled root sessions.
 */
public final class AssumeRootOperations {
  static final int DEFAULT_DURATION = 900;
  static final Set<String> TASK_POLICIES = Set.of(
      "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials",
      "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword",
      "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials",
      "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
      "arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy");
  /** "The member account principal ARN or account ID." */
  private static final Pattern TARGET = Pattern.compile("(?:arn:aws:iam::)?(\\d{12})(?::root)?");

  private final IamEnv env;
  private final IamOrganizations organizations;
  private final SessionOperations sessions;

  AssumeRootOperations(IamEnv env, IamOrganizations organizations, SessionOperations sessions) {
    this.env = env;
    this.organizations = organizations;
    this.sessions = sessions;
  }

  public void register(OperationTable table) {
    table.on(AssumeRootRequest.class, AssumeRootOperations::target, this::assumeRoot);
  }

  /**
   * {@code sts:AssumeRoot} on the target's root user, with {@code sts:TaskPolicyArn}. The caller's
   * identity policies decide alone (the target root has no resource policy), so the resource counts
   * as the caller's account.
   */
  static AccessTarget target(AssumeRootRequest request, CallContext context) {
    String account = targetAccount(request.targetPrincipal());
    String resource = account == null ? request.targetPrincipal() : IamArns.root(account);
    return AccessTarget.of("sts:AssumeRoot", resource)
        .withContext(Map.of("sts:TaskPolicyArn", List.of(request.taskPolicyArn().arn())));
  }

  public AssumeRootResponse assumeRoot(AssumeRootRequest request, CallContext context) {
    Caller caller = context.caller();
    if (caller.type() == CallerType.ROOT || caller.type() == CallerType.ASSUMED_ROOT) {
      throw CommonError.ACCESS_DENIED.exception("Root credentials cannot be used to call AssumeRoot.");
    }
    String taskPolicy = request.taskPolicyArn().arn();
    if (!TASK_POLICIES.contains(taskPolicy)) {
      throw CommonError.VALIDATION_ERROR.exception(
          "The TaskPolicyArn %s is not a valid root task policy ARN.", taskPolicy);
    }
    String target = targetAccount(request.targetPrincipal());
    if (target == null) {
      throw CommonError.VALIDATION_ERROR.exception(
          "The TargetPrincipal %s is not a valid account ID or root principal ARN.", request.targetPrincipal());
    }
    Standing standing = organizations.standing(caller.accountId())
        .filter(s -> s.isManagementAccount() || s.iamDelegatedAdministrator())
        .orElseThrow(() -> CommonError.ACCESS_DENIED.exception(
            "The caller's account is not the management account or the delegated administrator for IAM."));
    if (!env.store().read(tx -> RootAccessFeatures.rootSessions(tx, standing.organizationId()))) {
      throw CommonError.ACCESS_DENIED.exception("Root sessions are not enabled for the organization %s.",
          standing.organizationId());
    }
    if (target.equals(standing.managementAccountId())) {
      throw CommonError.ACCESS_DENIED.exception(
          "AssumeRoot cannot target the management account %s: its root user is never managed centrally.", target);
    }
    boolean member = organizations.standing(target)
        .map(s -> s.organizationId().equals(standing.organizationId())).orElse(false);
    if (!member) {
      throw CommonError.ACCESS_DENIED.exception(
          "The target account %s is not a member of the organization %s.", target, standing.organizationId());
    }
    int duration = request.durationSeconds() == null ? DEFAULT_DURATION : request.durationSeconds();
    String sourceIdentity = caller.session() == null ? null : caller.session().sourceIdentity();
    Instant issued = SessionOperations.issueTime(context);
    String rootArn = IamArns.root(target);
    Session session = new Session(rootArn, target, null, issued, issued.plusSeconds(duration), null,
        List.of(taskPolicy), Map.of(), List.of(), sourceIdentity, false);
    Caller root = new Caller(CallerType.ASSUMED_ROOT, target, rootArn, target, env.ids().temporaryAccessKeyId(),
        session);
    return AssumeRootResponse.builder().credentials(sessions.issue(root, null, context))
        .sourceIdentity(sourceIdentity).build();
  }

  /** The account id in a TargetPrincipal, {@code null} when it is neither an account id nor a root ARN. */
  private static String targetAccount(String targetPrincipal) {
    Matcher m = TARGET.matcher(targetPrincipal);
    return m.matches() ? m.group(1) : null;
  }
}
