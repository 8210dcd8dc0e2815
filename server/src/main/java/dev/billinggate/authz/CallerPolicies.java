package dev.billinggate.authz;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.Session;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PrincipalKind;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.IdentityPolicies;
import dev.billinggate.service.iam.IdentityPolicies.StoredPolicy;
import dev.billinggate.store.ReadTx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about a caller the evaluation needs from the store: its identity policies (a user's
 * own and its groups', or the role's), boundary, session policies and principal tags.
 *
 * @param kind the engine's principal kind
 * @param principalArn the value of {@code aws:PrincipalArn}: the role ARN for role sessions
 * @param issuerArn role ARN for role sessions, user ARN for federated users, else {@code null}
 * @param tags principal tags; for sessions the session tags override the role's
 */
record CallerPolicies(PrincipalKind kind, String principalArn, String issuerArn, List<StoredPolicy> identity,
    StoredPolicy boundary, List<StoredPolicy> session, Map<String, String> tags) {

  /** Empty when the caller's user or role no longer exists (deleted after the credentials were issued). */
  static Optional<CallerPolicies> collect(ReadTx tx, IdentityPolicies identities, Caller caller) {
    String account = caller.accountId();
    Session session = caller.session();
    List<StoredPolicy> sessionPolicies = session == null ? List.of() : sessionPolicies(tx, identities, session);
    return switch (caller.type()) {
      case ROOT -> Optional.of(new CallerPolicies(PrincipalKind.ROOT, caller.arn(), null, List.of(), null,
          List.of(), Map.of()));
      case ASSUMED_ROOT -> Optional.of(new CallerPolicies(PrincipalKind.ASSUMED_ROOT, caller.arn(),
          session == null ? null : session.issuerArn(), List.of(), null, sessionPolicies, Map.of()));
      case IAM_USER -> identities.user(tx, account, caller.principalName()).map(user -> new CallerPolicies(
          PrincipalKind.IAM_USER, user.arn(), null, user.identity(), user.boundary(), List.of(), user.tags()));
      case ASSUMED_ROLE -> identities.role(tx, account, IamArns.name(session.issuerArn())).map(role -> {
        Map<String, String> tags = new LinkedHashMap<>(role.tags());
        tags.putAll(session.tags());
        PrincipalKind kind = role.arn().contains(":role/aws-service-role/")
            ? PrincipalKind.SERVICE_LINKED_ROLE_SESSION : PrincipalKind.ROLE_SESSION;
        return new CallerPolicies(kind, role.arn(), role.arn(), role.identity(), role.boundary(), sessionPolicies,
            tags);
      });
      case FEDERATED_USER -> federated(tx, identities, caller, sessionPolicies);
      case WEB_IDENTITY_USER, SAML_USER -> Optional.of(new CallerPolicies(PrincipalKind.FEDERATED_IDENTITY,
          caller.arn(), null, List.of(), null, List.of(), Map.of()));
      case ANONYMOUS -> Optional.of(new CallerPolicies(PrincipalKind.ANONYMOUS, null, null, List.of(), null,
          List.of(), Map.of()));
    };
  }

  /** A federated user has the issuing user's policies (and boundary), cut down by the session policies. */
  private static Optional<CallerPolicies> federated(ReadTx tx, IdentityPolicies identities, Caller caller,
      List<StoredPolicy> sessionPolicies) {
    Session session = caller.session();
    if ("root".equals(IamArns.resourceType(session.issuerArn()))) {
      return Optional.of(new CallerPolicies(PrincipalKind.FEDERATED_USER, caller.arn(), session.issuerArn(),
          List.of(), null, sessionPolicies, session.tags()));
    }
    return identities.user(tx, caller.accountId(), IamArns.name(session.issuerArn())).map(user -> new CallerPolicies(
        PrincipalKind.FEDERATED_USER, caller.arn(), user.arn(), user.identity(), user.boundary(), sessionPolicies,
        session.tags()));
  }

  /** The session's inline policy and its managed session policies (or AssumeRoot's task policy). */
  private static List<StoredPolicy> sessionPolicies(ReadTx tx, IdentityPolicies identities, Session session) {
    List<StoredPolicy> policies = new ArrayList<>();
    if (session.inlinePolicy() != null) {
      policies.add(new StoredPolicy("session-policy", session.inlinePolicy(), PolicyKind.SESSION));
    }
    for (String arn : session.policyArns()) {
      // A managed session policy deleted after issue still limits the session: it allows nothing.
      policies.add(identities.managed(tx, arn)
          .orElse(new StoredPolicy(arn, "{\"Version\":\"2012-10-17\",\"Statement\":[]}", PolicyKind.SESSION)));
    }
    return policies;
  }
}
