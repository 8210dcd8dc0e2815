package dev.billinggate.service.sts;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.core.CommonError;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.iam.IamRoles;
import dev.billinggate.service.iam.IamRoles.AssumableRole;
import dev.billinggate.service.iam.Tags;
import dev.billinggate.service.sts.SamlVerifier.SamlIdentity;
import dev.billinggate.service.sts.SessionOperations.RoleSession;
import dev.billinggate.service.sts.SessionOperations.SessionRequest;
import dev.billinggate.service.sts.WebIdentityVerifier.WebIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML: unsigned, as in AWS. The token or assertion is
 * the caller's credential: it is verified first (it makes the caller, the IAM provider), then the
 * role's trust policy is evaluated with the identity provider's condition keys, then a role session
 * starts as for AssumeRole.
 */
public final class FederationOperations {
  private static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
  private static final String SAML = "sts:AssumeRoleWithSAML";

  private final IamEnv env;
  private final SessionOperations sessions;
  private final WebIdentityVerifier webIdentities;
  private final SamlVerifier assertions;

  public FederationOperations(IamEnv env, SessionOperations sessions, IdentityProviders providers,
      IssuerKeys issuerKeys) {
    this.env = env;
    this.sessions = sessions;
    this.webIdentities = new WebIdentityVerifier(providers, issuerKeys);
    this.assertions = new SamlVerifier(providers);
  }

  public void register(OperationTable table) {
    table.onUnsigned(AssumeRoleWithWebIdentityRequest.class,
        (r, c) -> federatedCaller(CallerType.WEB_IDENTITY_USER, r.roleArn(), webIdentity(r, c).providerArn()),
        this::webIdentityTarget, this::assumeRoleWithWebIdentity);
    table.onUnsigned(AssumeRoleWithSamlRequest.class,
        (r, c) -> federatedCaller(CallerType.SAML_USER, r.roleArn(), saml(r, c).providerArn()),
        this::samlTarget, this::assumeRoleWithSaml);
  }

  AccessTarget webIdentityTarget(AssumeRoleWithWebIdentityRequest request, CallContext context) {
    WebIdentity identity = webIdentity(request, context);
    Map<String, List<String>> keys = new HashMap<>();
    String prefix = identity.providerUrl() + ":";
    keys.put(prefix + "sub", List.of(identity.subject()));
    keys.put(prefix + "aud", List.of(identity.audience()));
    if (!identity.amr().isEmpty()) {
      keys.put(prefix + "amr", identity.amr());
    }
    return trustTarget(WEB_IDENTITY, request.roleArn(), request.roleSessionName(), identity.providerArn(), keys,
        identity.tags(), identity.transitiveTagKeys(), identity.sourceIdentity());
  }

  public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request,
      CallContext context) {
    WebIdentity identity = webIdentity(request, context);
    RoleSession session = start(request.roleArn(), request.roleSessionName(), request.durationSeconds(),
        new SessionRequest(request.policy(), request.policyArns(), identity.tags(), identity.tags(),
            identity.transitiveTagKeys(), identity.sourceIdentity(), false), context);
    return AssumeRoleWithWebIdentityResponse.builder().credentials(session.credentials())
        .subjectFromWebIdentityToken(identity.subject()).assumedRoleUser(session.assumedRoleUser())
        .packedPolicySize(session.packedPolicySize()).provider(identity.providerArn())
        .audience(identity.audience()).sourceIdentity(identity.sourceIdentity()).build();
  }

  AccessTarget samlTarget(AssumeRoleWithSamlRequest request, CallContext context) {
    SamlIdentity identity = saml(request, context);
    Map<String, List<String>> keys = new HashMap<>();
    keys.put("saml:aud", List.of(identity.assertion().recipient()));
    keys.put("saml:iss", List.of(identity.assertion().issuer()));
    keys.put("saml:sub", List.of(identity.assertion().nameId()));
    keys.put("saml:sub_type", List.of(identity.subjectType()));
    keys.put("saml:namequalifier", List.of(identity.nameQualifier()));
    keys.put("saml:doc", List.of(IamArns.account(identity.providerArn()) + "/" + identity.providerName()));
    return trustTarget(SAML, request.roleArn(), identity.sessionName(), identity.providerArn(), keys,
        identity.tags(), identity.transitiveTagKeys(), identity.sourceIdentity());
  }

  public AssumeRoleWithSamlResponse assumeRoleWithSaml(AssumeRoleWithSamlRequest request, CallContext context) {
    SamlIdentity identity = saml(request, context);
    RoleSession session = start(request.roleArn(), identity.sessionName(), request.durationSeconds(),
        new SessionRequest(request.policy(), request.policyArns(), identity.tags(), identity.tags(),
            identity.transitiveTagKeys(), identity.sourceIdentity(), false), context);
    return AssumeRoleWithSamlResponse.builder().credentials(session.credentials())
        .assumedRoleUser(session.assumedRoleUser()).packedPolicySize(session.packedPolicySize())
        .subject(identity.assertion().nameId()).subjectType(identity.subjectType())
        .issuer(identity.assertion().issuer()).audience(identity.assertion().recipient())
        .nameQualifier(identity.nameQualifier()).sourceIdentity(identity.sourceIdentity()).build();
  }

  private WebIdentity webIdentity(AssumeRoleWithWebIdentityRequest request, CallContext context) {
    return webIdentities.verify(request.webIdentityToken(), roleAccount(request.roleArn()), context.now());
  }

  private SamlIdentity saml(AssumeRoleWithSamlRequest request, CallContext context) {
    roleAccount(request.roleArn());
    return assertions.verify(request.samlAssertion(), request.roleArn(), request.principalArn(), context.now());
  }

  /** The federated principal while the trust policy is evaluated: the IAM provider, in the role's account. */
  private static Caller federatedCaller(CallerType type, String roleArn, String providerArn) {
    return new Caller(type, roleAccount(roleArn), providerArn, providerArn, null, null);
  }

  private static String roleAccount(String roleArn) {
    String account = IamArns.account(roleArn);
    if (account == null) {
      throw CommonError.VALIDATION_ERROR.exception("%s is invalid", roleArn);
    }
    return account;
  }

  /**
   * The trust check: the action on the role, its trust policy as the resource policy, the provider's
   * keys, and the session tags and source identity the identity provider asserted (which imply
   * sts:TagSession and sts:SetSourceIdentity, as for AssumeRole).
   */
  private AccessTarget trustTarget(String action, String roleArn, String sessionName, String providerArn,
      Map<String, List<String>> providerKeys, Map<String, String> tags, List<String> transitive,
      String sourceIdentity) {
    Map<String, List<String>> keys = new HashMap<>(providerKeys);
    keys.putAll(Tags.requestKeys(tags));
    keys.put("sts:RoleSessionName", List.of(sessionName));
    keys.put("aws:FederatedProvider", List.of(providerArn));
    if (!transitive.isEmpty()) {
      keys.put("sts:TransitiveTagKeys", transitive);
    }
    if (sourceIdentity != null) {
      keys.put("sts:SourceIdentity", List.of(sourceIdentity));
    }
    AccessTarget target = AccessTarget.of(action, roleArn).withContext(keys);
    String account = IamArns.account(roleArn);
    return env.store().read(tx -> IamRoles.STORED.find(tx, roleArn))
        .map(role -> target.withResourcePolicy(account, role.trustPolicy()).withResourceTags(role.tags()))
        .orElse(target.withResourcePolicy(account, null));
  }

  private RoleSession start(String roleArn, String sessionName, Integer duration, SessionRequest request,
      CallContext context) {
    AssumableRole role = env.store().read(tx -> IamRoles.STORED.find(tx, roleArn)).orElseThrow(() ->
        CommonError.ACCESS_DENIED.exception("Not authorized to perform %s", context.operation()));
    return sessions.startRoleSession(role, sessionName, duration, request, context);
  }
}
