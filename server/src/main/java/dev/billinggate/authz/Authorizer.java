package dev.billinggate.authz;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.core.CommonError;
import dev.billinggate.policy.AlwaysAllowed;
import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.ContextKeys;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicySet;
import dev.billinggate.policy.Principal;
import dev.billinggate.policy.RcpScope;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.iam.IdentityPolicies;
import dev.billinggate.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Authorizes one request: collects the caller's policies, builds the engine's request with the
 * global condition keys and asks for a decision. Explanations are computed only for denials, to
 * word AWS's AccessDenied message.
 */
public final class Authorizer {
  /** Actions whose resource policy is a role trust policy: it must allow on its own. */
  private static final Set<String> TRUST_ACTIONS = Set.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
      "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity");

  /**
   * S3 gives the reasons for a denial only within the bucket owner's account or organization (User
   * Guide, "Troubleshoot access denied (403 Forbidden) errors"); anyone else, the anonymous caller
   * included, reads this.
   */
  private static final String PLAIN_S3_DENIAL = "Access Denied";

  private final Store store;
  private final PolicyEngine engine;
  private final IdentityPolicies identities;
  private final OrganizationPolicies organizations;
  private final CompiledPolicies compiled;

  public Authorizer(Store store, PolicyEngine engine, IdentityPolicies identities, OrganizationPolicies organizations) {
    this.store = store;
    this.engine = engine;
    this.identities = identities;
    this.organizations = organizations;
    this.compiled = new CompiledPolicies(engine);
  }

  /** Returns normally when allowed; throws AccessDenied with AWS's message otherwise. */
  public void authorize(Caller caller, AccessTarget target, CallContext context) {
    Optional<String> denial = denial(caller, target, context);
    if (denial.isPresent()) {
      throw CommonError.ACCESS_DENIED.exception(denial.get());
    }
  }

  /** AWS's AccessDenied message when the caller may not perform {@code target}; empty when allowed. */
  public Optional<String> denial(Caller caller, AccessTarget target, CallContext context) {
    if (AlwaysAllowed.is(target.action())) {
      return Optional.empty();
    }
    // The first denial wins, so implied and dependent actions are checked only once the call itself is allowed.
    return Stream.of(Stream.of(target), implied(target).stream(), target.dependentActions().stream())
        .flatMap(each -> each)
        .flatMap(each -> check(caller, each, context).stream())
        .findFirst();
  }

  /**
   * AWS authorizes passing session tags and a source identity as separate actions on the role,
   * against the same trust policy: {@code sts:TagSession} and {@code sts:SetSourceIdentity}.
   */
  private static List<AccessTarget> implied(AccessTarget target) {
    if (!target.action().startsWith("sts:AssumeRole")) {
      return List.of();
    }
    List<AccessTarget> implied = new ArrayList<>();
    if (target.contextKeys().containsKey(ContextKeys.TAG_KEYS)) {
      implied.add(renamed(target, "sts:TagSession"));
    }
    if (target.contextKeys().containsKey("sts:SourceIdentity")) {
      implied.add(renamed(target, "sts:SetSourceIdentity"));
    }
    return implied;
  }

  private static AccessTarget renamed(AccessTarget target, String action) {
    return new AccessTarget(action, target.resourceArn(), target.resourceAccount(), target.resourcePolicy(),
        target.resourceTags(), target.contextKeys(), List.of());
  }

  private Optional<String> check(Caller caller, AccessTarget target, CallContext context) {
    boolean trust = TRUST_ACTIONS.contains(target.action());
    if (trust && target.resourcePolicy() == null) {
      return Optional.of(deniedMessage(caller, target, null));
    }
    Optional<AuthorizationRequest> request = request(caller, target, context);
    if (request.isEmpty()) {
      return Optional.of(deniedMessage(caller, target, null));
    }
    if (engine.decide(request.get()) != Decision.ALLOW) {
      return Optional.of(deniedMessage(caller, target, engine.explain(request.get())));
    }
    return Optional.empty();
  }

  /** The decision with its reasons, for the console and the CLI's explain. */
  public Optional<Explanation> explain(Caller caller, AccessTarget target, CallContext context) {
    return request(caller, target, context).map(engine::explain);
  }

  /** The engine's request for this call; empty when the caller's user or role no longer exists. */
  public Optional<AuthorizationRequest> request(Caller caller, AccessTarget target, CallContext context) {
    Optional<CallerPolicies> found = store.read(tx -> CallerPolicies.collect(tx, identities, caller));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CallerPolicies principal = found.get();
    String resourceAccount = target.resourceAccount() != null ? target.resourceAccount() : caller.accountId();
    boolean trust = TRUST_ACTIONS.contains(target.action());
    Policy resourcePolicy = target.resourcePolicy() == null ? null
        : compiled.compile(target.resourceArn(), target.resourcePolicy(), trust ? PolicyKind.TRUST : PolicyKind.RESOURCE);
    // The anonymous caller belongs to no account, so no SCPs; RCPs still guard the resource's account.
    boolean accountless = caller.accountId() == null;
    PolicySet policies = new PolicySet(
        compiled.compileAll(principal.identity()),
        principal.boundary() == null ? null : compiled.compile(principal.boundary()),
        compiled.compileAll(principal.session()),
        accountless ? List.of() : organizations.scpLevels(caller.accountId()),
        RcpScope.covers(target.action()) && resourceAccount != null ? organizations.rcpLevels(resourceAccount) : List.of(),
        resourcePolicy,
        trust);
    Principal enginePrincipal = new Principal(principal.kind(), caller.arn(), caller.accountId(),
        principal.issuerArn(), !accountless && organizations.isManagementAccount(caller.accountId()));
    return Optional.of(new AuthorizationRequest(enginePrincipal, target.action(), target.resourceArn(),
        resourceAccount,
        GlobalConditionKeys.of(caller, principal, target, context, resourceAccount, organizations), policies));
  }

  private String deniedMessage(Caller caller, AccessTarget target, Explanation explanation) {
    if (caller.type() == CallerType.WEB_IDENTITY_USER || caller.type() == CallerType.SAML_USER) {
      // AWS names neither the identity nor the role to a federated caller.
      return "Not authorized to perform " + target.action();
    }
    if (caller.isAnonymous() || outsideTheOwnersOrganization(caller, target)) {
      return PLAIN_S3_DENIAL;
    }
    return explanation != null && explanation.message() != null ? explanation.message()
        : String.format("User: %s is not authorized to perform: %s on resource: %s", caller.arn(), target.action(),
            target.resourceArn());
  }

  /** An S3 request from an account that is neither the resource's nor in the resource owner's organization. */
  private boolean outsideTheOwnersOrganization(Caller caller, AccessTarget target) {
    String owner = target.resourceAccount();
    if (!target.action().startsWith("s3:") || owner == null || owner.equals(caller.accountId())) {
      return false;
    }
    Optional<String> ownersOrganization = organizations.organizationId(owner);
    return ownersOrganization.isEmpty() || !ownersOrganization.equals(organizations.organizationId(caller.accountId()));
  }
}
