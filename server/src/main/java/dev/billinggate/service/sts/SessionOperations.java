package dev.billinggate.service.sts;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.Session;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.IamCredentials;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.iam.IamRoles;
import dev.billinggate.service.iam.IamRoles.AssumableRole;
import dev.billinggate.service.iam.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.FederatedUser;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/** The STS operations that issue temporary credentials: AssumeRole, GetSessionToken, GetFederationToken. */
public final class SessionOperations {
  static final int ROLE_CHAINING_MAX = 3600;
  static final int DEFAULT_ROLE_DURATION = 3600;
  static final int DEFAULT_TOKEN_DURATION = 43_200;
  static final int ROOT_TOKEN_MAX = 3600;
  /** Steps of clock drift tolerated for TokenCode. */
  private static final int MFA_WINDOW = 2;

  private final IamEnv env;
  private final IamRoles roles = IamRoles.STORED;
  private final IamCredentials credentials = IamCredentials.STORED;
  private final SessionPolicies sessionPolicies;

  public SessionOperations(IamEnv env) {
    this.env = env;
    this.sessionPolicies = new SessionPolicies(env.engine());
  }

  public void register(OperationTable table) {
    table.on(AssumeRoleRequest.class, this::assumeRoleTarget, this::assumeRole);
    table.on(GetSessionTokenRequest.class, (r, c) -> AccessTarget.of("sts:GetSessionToken", "*"), this::getSessionToken);
    table.on(GetFederationTokenRequest.class,
        (r, c) -> AccessTarget.of("sts:GetFederationToken", IamArns.federatedUser(c.caller().accountId(), r.name()))
            .withContext(Tags.requestKeys(tags(r.tags()))),
        this::getFederationToken);
  }

  /**
   * sts:AssumeRole on the role, judged by the role's trust policy (the authorizer requires the trust
   * policy itself to allow). A role that does not exist has no trust policy: AWS answers AccessDenied.
   */
  AccessTarget assumeRoleTarget(AssumeRoleRequest request, CallContext context) {
    // Input checks AWS makes before authorizing (recorded answers, test_sts.snapshot.json)
    requireArn(request.roleArn());
    sessionTags(request.tags(), request.transitiveTagKeys());
    String roleAccount = IamArns.account(request.roleArn());
    Optional<AssumableRole> role = env.store().read(tx -> roles.find(tx, request.roleArn()));
    Map<String, List<String>> keys = new HashMap<>(Tags.requestKeys(tags(request.tags())));
    keys.put("sts:RoleSessionName", List.of(request.roleSessionName()));
    if (request.externalId() != null) {
      keys.put("sts:ExternalId", List.of(request.externalId()));
    }
    if (request.sourceIdentity() != null) {
      keys.put("sts:SourceIdentity", List.of(request.sourceIdentity()));
    }
    if (request.hasTransitiveTagKeys()) {
      keys.put("sts:TransitiveTagKeys", request.transitiveTagKeys());
    }
    AccessTarget target = AccessTarget.of("sts:AssumeRole", request.roleArn()).withContext(keys);
    return role.map(r -> target.withResourcePolicy(roleAccount, r.trustPolicy()).withResourceTags(r.tags()))
        .orElse(target.withResourcePolicy(roleAccount, null));
  }

  public AssumeRoleResponse assumeRole(AssumeRoleRequest request, CallContext context) {
    Caller caller = context.caller();
    if (caller.isRoot()) {
      throw CommonError.ACCESS_DENIED.exception("Roles may not be assumed by root accounts.");
    }
    AssumableRole role = env.store().read(tx -> roles.find(tx, request.roleArn())).orElseThrow(() -> CommonError.ACCESS_DENIED
        .exception("User: %s is not authorized to perform: sts:AssumeRole on resource: %s", caller.arn(),
            request.roleArn()));
    boolean chained = caller.type() == CallerType.ASSUMED_ROLE;
    int duration = request.durationSeconds() == null ? DEFAULT_ROLE_DURATION : request.durationSeconds();
    if (chained && duration > ROLE_CHAINING_MAX) {
      throw CommonError.VALIDATION_ERROR.exception(
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    }
    Map<String, String> tags = inheritedTags(caller);
    tags.putAll(tags(request.tags()));
    boolean mfa = verifyMfa(caller, request.serialNumber(), request.tokenCode(), context.now());
    List<String> transitive =
        new ArrayList<>(caller.session() == null ? List.of() : caller.session().transitiveTagKeys());
    transitive.addAll(request.transitiveTagKeys());
    String sourceIdentity = request.sourceIdentity() != null ? request.sourceIdentity()
        : caller.session() == null ? null : caller.session().sourceIdentity();
    RoleSession started = startRoleSession(role, request.roleSessionName(), request.durationSeconds(),
        new SessionRequest(request.policy(), request.policyArns(), tags(request.tags()), tags, transitive,
            sourceIdentity, mfa), context);
    return AssumeRoleResponse.builder().credentials(started.credentials())
        .assumedRoleUser(started.assumedRoleUser()).packedPolicySize(started.packedPolicySize())
        .sourceIdentity(sourceIdentity).build();
  }

  /**
   * What a new role session carries besides the role and its name.
   *
   * @param requestTags the tags passed in this request (they count toward the packed size)
   * @param tags all session tags, inherited transitive ones included
   */
  record SessionRequest(String policy, List<PolicyDescriptorType> policyArns, Map<String, String> requestTags,
      Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity, boolean mfa) {}

  /** A started role session: its principal, its credentials and the packed size of its policies and tags. */
  record RoleSession(Caller caller, Credentials credentials, Integer packedPolicySize) {
    AssumedRoleUser assumedRoleUser() {
      return AssumedRoleUser.builder().assumedRoleId(caller.userId()).arn(caller.arn()).build();
    }
  }

  /**
   * Starts a session of {@code role} (AssumeRole and its federated forms): checks the duration
   * against the role's MaxSessionDuration and the session policies' limits, then issues credentials.
   */
  RoleSession startRoleSession(AssumableRole role, String sessionName, Integer requestedDuration, SessionRequest request,
      CallContext context) {
    int duration = requestedDuration == null ? DEFAULT_ROLE_DURATION : requestedDuration;
    if (duration > role.maxSessionDuration()) {
      throw CommonError.VALIDATION_ERROR.exception(
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    Integer packed = sessionPolicies.check(request.policy(), request.policyArns(), request.requestTags());
    Instant issued = issueTime(context);
    Session session = new Session(role.arn(), role.id(),
        sessionName, issued, issued.plusSeconds(duration), request.policy(), arns(request.policyArns()),
        request.tags(), request.transitiveTagKeys(), request.sourceIdentity(), request.mfa());
    Caller assumed = new Caller(CallerType.ASSUMED_ROLE, role.accountId(),
        IamArns.assumedRole(role.accountId(), role.name(), sessionName),
        role.id() + ":" + sessionName, env.ids().temporaryAccessKeyId(), session);
    return new RoleSession(assumed, issue(assumed, role, context), packed);
  }

  public GetSessionTokenResponse getSessionToken(GetSessionTokenRequest request, CallContext context) {
    Caller caller = longTermCaller(context, "GetSessionToken");
    int duration = duration(caller, request.durationSeconds());
    boolean mfa = verifyMfa(caller, request.serialNumber(), request.tokenCode(), context.now());
    Instant issued = issueTime(context);
    Session session = new Session(caller.arn(), caller.userId(), null, issued, issued.plusSeconds(duration), null,
        List.of(), Map.of(), List.of(), null, mfa);
    Caller temporary = new Caller(caller.type(), caller.accountId(), caller.arn(), caller.userId(),
        env.ids().temporaryAccessKeyId(), session);
    return GetSessionTokenResponse.builder().credentials(issue(temporary, null, context)).build();
  }

  public GetFederationTokenResponse getFederationToken(GetFederationTokenRequest request, CallContext context) {
    Caller caller = longTermCaller(context, "GetFederationToken");
    int duration = duration(caller, request.durationSeconds());
    Map<String, String> tags = tags(request.tags());
    Integer packed = sessionPolicies.check(request.policy(), request.policyArns(), tags);
    String account = caller.accountId();
    Instant issued = issueTime(context);
    Session session = new Session(caller.arn(), caller.userId(), request.name(), issued,
        issued.plusSeconds(duration), request.policy(), arns(request.policyArns()), tags, List.of(), null,
        false);
    Caller federated = new Caller(CallerType.FEDERATED_USER, account, IamArns.federatedUser(account, request.name()),
        account + ":" + request.name(), env.ids().temporaryAccessKeyId(), session);
    // AWS reports 0 % for a federation token without session policy or tags (recorded answer)
    return GetFederationTokenResponse.builder().credentials(issue(federated, null, context))
        .federatedUser(FederatedUser.builder().federatedUserId(federated.userId()).arn(federated.arn()).build())
        .packedPolicySize(packed == null ? 0 : packed).build();
  }

  /**
   * Deletes sessions that expired before {@code before}. Until purged, an expired session still
   * answers ExpiredToken (not InvalidClientTokenId), so the app purges periodically with a grace
   * period, e.g. a day before now.
   */
  public int purgeExpired(Instant before) {
    return env.store().write(tx -> {
      int purged = 0;
      for (var entry : tx.scan(StsSchema.SESSIONS, "", null, Integer.MAX_VALUE)) {
        if (entry.value().expiresAt().isBefore(before)) {
          tx.delete(StsSchema.SESSIONS, entry.key());
          purged++;
        }
      }
      return purged;
    });
  }

  /** Stores the credentials (and the assumed role's last use, in the same transaction) and renders them. */
  Credentials issue(Caller caller, AssumableRole assumedRole, CallContext context) {
    String secret = env.ids().secretAccessKey();
    // Real tokens are opaque base64 of several hundred characters; clients only pass them back.
    String token = env.ids().next(IdGenerator.SECRET, 356);
    env.store().update(tx -> {
      tx.put(StsSchema.SESSIONS, caller.accessKeyId(), StsSchema.TemporaryCredential.of(caller, secret, token));
      if (assumedRole != null) {
        roles.markUsed(tx, assumedRole, context.now(), context.region());
      }
    });
    return Credentials.builder().accessKeyId(caller.accessKeyId()).secretAccessKey(secret).sessionToken(token)
        .expiration(caller.session().expiresAt()).build();
  }

  /** AWS's credential expirations (and token issue times) have whole seconds. */
  static Instant issueTime(CallContext context) {
    return context.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /** GetSessionToken and GetFederationToken need long-term credentials, as in AWS. */
  private static Caller longTermCaller(CallContext context, String operation) {
    Caller caller = context.caller();
    if (caller.session() != null || (caller.type() != CallerType.IAM_USER && caller.type() != CallerType.ROOT)) {
      throw CommonError.ACCESS_DENIED.exception("Cannot call %s with session credentials", operation);
    }
    return caller;
  }

  /** 900–129,600 seconds (model-validated); the root user's sessions are capped at one hour. */
  private static int duration(Caller caller, Integer requested) {
    int duration = requested == null ? DEFAULT_TOKEN_DURATION : requested;
    return caller.isRoot() ? Math.min(duration, ROOT_TOKEN_MAX) : duration;
  }

  private boolean verifyMfa(Caller caller, String serialNumber, String tokenCode, Instant now) {
    if (serialNumber == null && tokenCode == null) {
      return caller.session() != null && caller.session().mfaAuthenticated();
    }
    String userKey = switch (caller.type()) {
      case ROOT -> IamCredentials.ROOT_USER;
      case IAM_USER -> caller.principalName();
      default -> null;
    };
    boolean valid = userKey != null && tokenCode != null && serialNumber != null && env.store().read(
        tx -> credentials.mfaCodeMatches(tx, caller.accountId(), userKey, serialNumber, tokenCode, now, MFA_WINDOW));
    if (!valid) {
      throw CommonError.ACCESS_DENIED.exception("MultiFactorAuthentication failed with invalid MFA one time pass code.");
    }
    return true;
  }

  /** Transitive session tags of a chained caller carry over to the new session. */
  private static Map<String, String> inheritedTags(Caller caller) {
    Map<String, String> inherited = new LinkedHashMap<>();
    if (caller.session() != null) {
      for (String tagKey : caller.session().transitiveTagKeys()) {
        String value = caller.session().tags().get(tagKey);
        if (value != null) {
          inherited.put(tagKey, value);
        }
      }
    }
    return inherited;
  }

  /** An ARN with a partition, a service, six parts and a resource; AWS's text is "{@code <arn>} is invalid". */
  private static void requireArn(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
      throw CommonError.VALIDATION_ERROR.exception("%s is invalid", arn);
    }
  }

  /** Session tags: keys are unique case-insensitively, transitive keys must be among them. */
  private static void sessionTags(List<Tag> tags, List<String> transitiveKeys) {
    Set<String> keys = new HashSet<>();
    for (Tag tag : tags) {
      if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
        throw CommonError.INVALID_PARAMETER_VALUE.exception(
            "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
    }
    for (String key : transitiveKeys) {
      if (!keys.contains(key.toLowerCase(Locale.ROOT))) {
        throw CommonError.INVALID_PARAMETER_VALUE.exception(
            "The specified transitive tag key must be included in the requested tags.");
      }
    }
  }

  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }

  private static List<String> arns(List<PolicyDescriptorType> descriptors) {
    return descriptors.stream().map(PolicyDescriptorType::arn).toList();
  }
}
