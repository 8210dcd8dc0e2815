package dev.billinggate.service.account;

import dev.billinggate.core.Partition;
import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgMembership;
import dev.billinggate.service.organizations.OrganizationDirectory;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code AccountId} parameter: omitted, the operation acts on the caller's account; given, the
 * caller must be the management account (or a delegated administrator for {@code
 * account.amazonaws.com}) of an all-features organization with trusted access for the Account
 * Management service, and the account a member of it: never the management account itself.
 * Anything else is AWS's AccessDeniedException (403), worded as an IAM denial.
 */
final class AccountTargets {
  static final String SERVICE_PRINCIPAL = "account.amazonaws.com";

  private final OrganizationDirectory directory;

  AccountTargets(OrganizationDirectory directory) {
    this.directory = directory;
  }

  /** The account an operation acts on, after the organization checks. */
  String resolve(String requested, CallContext ctx) {
    String caller = ctx.caller().accountId();
    if (requested == null) {
      return caller;
    }
    Optional<OrgMembership> callerOrg = directory.membership(caller);
    Optional<OrgMembership> target = directory.membership(requested);
    boolean administrator = callerOrg.map(m -> m.isManagementAccount()
        || directory.isDelegatedAdministrator(caller, SERVICE_PRINCIPAL)).orElse(false);
    boolean allowed = administrator && callerOrg.get().allFeatures()
        && directory.isServiceAccessEnabled(caller, SERVICE_PRINCIPAL)
        && target.map(t -> t.organizationId().equals(callerOrg.get().organizationId()) && !t.isManagementAccount())
            .orElse(false);
    if (!allowed) {
      throw AccountError.ACCESS_DENIED.exception("User: %s is not authorized to perform: account:%s",
          ctx.caller().arn(), ctx.operation());
    }
    return requested;
  }

  /**
   * The Service Authorization Reference's resources: {@code arn:aws:account::<caller>:account} for the
   * caller's own account, {@code arn:aws:account::<management>:account/<org>/<member>} for a member.
   */
  <I> AccessRule<I> rule(Function<I, String> accountId) {
    return (r, ctx) -> {
      String caller = ctx.caller().accountId();
      String requested = accountId.apply(r);
      String arn = requested == null ? Partition.arnPrefix() + "account::" + caller + ":account"
          : directory.membership(requested).map(m -> Partition.arnPrefix() + "account::" + m.managementAccountId() + ":account/"
              + m.organizationId() + "/" + requested).orElse(Partition.arnPrefix() + "account::" + requested + ":account");
      return AccessTarget.of("account:" + ctx.operation(), arn);
    };
  }
}
