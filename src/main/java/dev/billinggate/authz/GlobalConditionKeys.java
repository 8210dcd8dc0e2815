package dev.billinggate.authz;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.Session;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The global condition keys AWS puts in every request context, plus the operation's own keys. */
final class GlobalConditionKeys {
  private GlobalConditionKeys() {}

  static Map<String, List<String>> of(Caller caller, CallerPolicies principal, AccessTarget target,
      CallContext context, String resourceAccount, OrganizationPolicies organizations) {
    Map<String, List<String>> keys = new HashMap<>();
    put(keys, "aws:PrincipalArn", principal.principalArn());
    put(keys, "aws:PrincipalAccount", caller.accountId());
    put(keys, "aws:PrincipalType", caller.type().principalType());
    put(keys, "aws:userid", caller.userId());
    if (caller.type() == CallerType.IAM_USER) {
      put(keys, "aws:username", caller.principalName());
    }
    if (caller.type() == CallerType.ASSUMED_ROOT) {
      put(keys, "aws:AssumedRoot", "true");
    }
    put(keys, "aws:PrincipalIsAWSService", "false");
    put(keys, "aws:ViaAWSService", "false");
    principal.tags().forEach((k, v) -> put(keys, "aws:PrincipalTag/" + k, v));
    organizations.organizationId(caller.accountId()).ifPresent(id -> put(keys, "aws:PrincipalOrgID", id));
    organizations.organizationId(resourceAccount).ifPresent(id -> put(keys, "aws:ResourceOrgID", id));
    put(keys, "aws:SourceIp", context.sourceIp());
    put(keys, "aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(context.now()));
    put(keys, "aws:EpochTime", Long.toString(context.now().getEpochSecond()));
    put(keys, "aws:SecureTransport", Boolean.toString(context.secureTransport()));
    put(keys, "aws:RequestedRegion", context.region());
    put(keys, "aws:ResourceAccount", resourceAccount);
    Session session = caller.session();
    // AWS sets the MFA keys only for temporary credentials; long-term key requests leave them absent.
    if (session != null) {
      put(keys, "aws:TokenIssueTime", DateTimeFormatter.ISO_INSTANT.format(session.issuedAt()));
      put(keys, "aws:MultiFactorAuthPresent", Boolean.toString(session.mfaAuthenticated()));
      if (session.mfaAuthenticated()) {
        put(keys, "aws:MultiFactorAuthAge",
            Long.toString(Duration.between(session.issuedAt(), context.now()).getSeconds()));
      }
      put(keys, "aws:SourceIdentity", session.sourceIdentity());
    }
    target.resourceTags().forEach((k, v) -> put(keys, "aws:ResourceTag/" + k, v));
    keys.putAll(target.contextKeys());
    return keys;
  }

  private static void put(Map<String, List<String>> keys, String key, String value) {
    if (value != null) {
      keys.put(key, List.of(value));
    }
  }
}
