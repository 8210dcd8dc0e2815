package dev.billinggate.authz;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.Session;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import dev.billinggate.policy.ConditionContext;
import dev.billinggate.policy.ContextKeys;

/** The global condition keys AWS puts in every request context, plus the operation's own keys. */
final class GlobalConditionKeys {
  private GlobalConditionKeys() {}

  static ConditionContext of(Caller caller, CallerPolicies principal, AccessTarget target,
      CallContext context, String resourceAccount, OrganizationPolicies organizations) {
    ConditionContext.Builder keys = ConditionContext.builder();
    put(keys, ContextKeys.PRINCIPAL_ARN, principal.principalArn());
    put(keys, ContextKeys.PRINCIPAL_ACCOUNT, caller.accountId());
    put(keys, ContextKeys.PRINCIPAL_TYPE, caller.type().principalType());
    put(keys, ContextKeys.USER_ID, caller.userId());
    if (caller.type() == CallerType.IAM_USER) {
      put(keys, ContextKeys.USERNAME, caller.principalName());
    }
    if (caller.type() == CallerType.ASSUMED_ROOT) {
      put(keys, ContextKeys.ASSUMED_ROOT, "true");
    }
    principal.tags().forEach((k, v) -> put(keys, ContextKeys.principalTag(k), v));
    // AWS puts these only into signed requests' context: an anonymous one has no account, organization
    // or service flags (a negated operator or IfExists on them matches it).
    if (!caller.isAnonymous()) {
      put(keys, ContextKeys.PRINCIPAL_IS_AWS_SERVICE, "false");
      put(keys, ContextKeys.VIA_AWS_SERVICE, "false");
      organizations.organizationId(caller.accountId()).ifPresent(id -> put(keys, ContextKeys.PRINCIPAL_ORG_ID, id));
      organizations.orgPath(caller.accountId()).ifPresent(path -> put(keys, ContextKeys.PRINCIPAL_ORG_PATHS, path));
    }
    if (resourceAccount != null) {
      organizations.organizationId(resourceAccount).ifPresent(id -> put(keys, ContextKeys.RESOURCE_ORG_ID, id));
    }
    put(keys, ContextKeys.SOURCE_IP, context.sourceIp());
    put(keys, ContextKeys.CURRENT_TIME, DateTimeFormatter.ISO_INSTANT.format(context.now()));
    put(keys, ContextKeys.EPOCH_TIME, Long.toString(context.now().getEpochSecond()));
    put(keys, ContextKeys.SECURE_TRANSPORT, Boolean.toString(context.secureTransport()));
    put(keys, ContextKeys.REQUESTED_REGION, context.region());
    put(keys, ContextKeys.RESOURCE_ACCOUNT, resourceAccount);
    Session session = caller.session();
    // AWS sets the MFA keys only for temporary credentials; long-term key requests leave them absent.
    if (session != null) {
      put(keys, ContextKeys.TOKEN_ISSUE_TIME, DateTimeFormatter.ISO_INSTANT.format(session.issuedAt()));
      put(keys, ContextKeys.MULTI_FACTOR_AUTH_PRESENT, Boolean.toString(session.mfaAuthenticated()));
      if (session.mfaAuthenticated()) {
        put(keys, ContextKeys.MULTI_FACTOR_AUTH_AGE,
            Long.toString(Duration.between(session.issuedAt(), context.now()).getSeconds()));
      }
      put(keys, "aws:SourceIdentity", session.sourceIdentity());
    }
    target.resourceTags().forEach((k, v) -> put(keys, ContextKeys.resourceTag(k), v));
    target.contextKeys().forEach(keys::put);
    return keys.build();
  }

  /** Only keys with a value: an absent key is what IfExists and negated operators test for. */
  private static void put(ConditionContext.Builder keys, String key, String value) {
    if (value != null) {
      keys.put(key, value);
    }
  }
}
