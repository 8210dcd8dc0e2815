package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.DELEGATED_ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.DELEGATED_ADMINS;
import static dev.billinggate.service.organizations.OrgTables.SERVICE_ACCESS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.AccountRecord;
import dev.billinggate.service.organizations.OrgTables.DelegatedAccount;
import dev.billinggate.service.organizations.OrgTables.DelegatedAdmin;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.ServiceAccess;
import dev.billinggate.store.ReadTx;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;
import software.amazon.awssdk.services.organizations.model.DelegatedService;
import software.amazon.awssdk.services.organizations.model.DeregisterDelegatedAdministratorRequest;
import software.amazon.awssdk.services.organizations.model.DeregisterDelegatedAdministratorResponse;
import software.amazon.awssdk.services.organizations.model.DisableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.DisableAwsServiceAccessResponse;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessResponse;
import software.amazon.awssdk.services.organizations.model.EnabledServicePrincipal;
import software.amazon.awssdk.services.organizations.model.ListAwsServiceAccessForOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListAwsServiceAccessForOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListDelegatedAdministratorsRequest;
import software.amazon.awssdk.services.organizations.model.ListDelegatedAdministratorsResponse;
import software.amazon.awssdk.services.organizations.model.ListDelegatedServicesForAccountRequest;
import software.amazon.awssdk.services.organizations.model.ListDelegatedServicesForAccountResponse;
import software.amazon.awssdk.services.organizations.model.RegisterDelegatedAdministratorRequest;
import software.amazon.awssdk.services.organizations.model.RegisterDelegatedAdministratorResponse;

/**
 * Trusted access for AWS services and their delegated administrators, for the service principals
 * Organizations recognizes ({@link ServicePrincipals}).
 */
final class ServiceAccessOperations {
  private final OrgTransactions txs;

  ServiceAccessOperations(OrgTransactions txs) {
    this.txs = txs;
  }

  EnableAwsServiceAccessResponse enableAWSServiceAccess(EnableAwsServiceAccessRequest r, CallContext ctx) {
    String principal = servicePrincipal(r.servicePrincipal());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      requireAllFeatures(org);
      if (tx.get(SERVICE_ACCESS, key(org.id(), principal)).isEmpty()) {
        tx.put(SERVICE_ACCESS, key(org.id(), principal), new ServiceAccess(principal, ctx.now()));
      }
      return EnableAwsServiceAccessResponse.builder().build();
    });
  }

  DisableAwsServiceAccessResponse disableAWSServiceAccess(DisableAwsServiceAccessRequest r, CallContext ctx) {
    String principal = servicePrincipal(r.servicePrincipal());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      tx.delete(SERVICE_ACCESS, key(org.id(), principal));
      return DisableAwsServiceAccessResponse.builder().build();
    });
  }

  ListAwsServiceAccessForOrganizationResponse listAWSServiceAccessForOrganization(
      ListAwsServiceAccessForOrganizationRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      Pages.Page<ServiceAccess> page = Pages.scan(tx, SERVICE_ACCESS, org.id() + "/", r.nextToken(), r.maxResults());
      return ListAwsServiceAccessForOrganizationResponse.builder()
          .enabledServicePrincipals(page.items().stream()
              .map(s -> EnabledServicePrincipal.builder().servicePrincipal(s.servicePrincipal())
                  .dateEnabled(s.enabledAt()).build())
              .toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  RegisterDelegatedAdministratorResponse registerDelegatedAdministrator(
      RegisterDelegatedAdministratorRequest r, CallContext ctx) {
    String principal = servicePrincipal(r.servicePrincipal());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      AccountRecord account = AccountOperations.requireAccount(tx, org, r.accountId());
      if (account.id().equals(org.managementAccountId())) {
        throw OrganizationsError.constraint("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
            "You can designate only a member account as a delegated administrator.");
      }
      if (tx.get(SERVICE_ACCESS, key(org.id(), principal)).isEmpty()) {
        throw OrganizationsError.constraint("SERVICE_ACCESS_NOT_ENABLED",
            "You attempted to register a delegated administrator for a service that doesn't have trusted access"
                + " enabled in the organization.");
      }
      if (tx.get(DELEGATED_ADMINS, key(org.id(), account.id(), principal)).isPresent()) {
        throw OrganizationsError.ACCOUNT_ALREADY_REGISTERED.exception(
            "The provided account is already a delegated administrator for your organization.");
      }
      tx.put(DELEGATED_ADMINS, key(org.id(), account.id(), principal),
          new DelegatedAdmin(account.id(), principal, ctx.now()));
      if (tx.get(DELEGATED_ACCOUNTS, key(org.id(), account.id())).isEmpty()) {
        tx.put(DELEGATED_ACCOUNTS, key(org.id(), account.id()), new DelegatedAccount(account.id(), ctx.now()));
      }
      return RegisterDelegatedAdministratorResponse.builder().build();
    });
  }

  DeregisterDelegatedAdministratorResponse deregisterDelegatedAdministrator(
      DeregisterDelegatedAdministratorRequest r, CallContext ctx) {
    String principal = servicePrincipal(r.servicePrincipal());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      AccountRecord account = AccountOperations.requireAccount(tx, org, r.accountId());
      if (tx.get(DELEGATED_ADMINS, key(org.id(), account.id(), principal)).isEmpty()) {
        throw notRegistered();
      }
      tx.delete(DELEGATED_ADMINS, key(org.id(), account.id(), principal));
      if (!OrgAccess.isDelegatedAdministrator(tx, org.id(), account.id())) {
        tx.delete(DELEGATED_ACCOUNTS, key(org.id(), account.id()));
      }
      return DeregisterDelegatedAdministratorResponse.builder().build();
    });
  }

  ListDelegatedAdministratorsResponse listDelegatedAdministrators(ListDelegatedAdministratorsRequest r, CallContext ctx) {
    String principal = r.servicePrincipal() == null ? null : servicePrincipal(r.servicePrincipal());
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      Pages.Page<DelegatedAccount> page = Pages.scan(tx, DELEGATED_ACCOUNTS, org.id() + "/", r.nextToken(),
          r.maxResults(),
          d -> principal == null || tx.get(DELEGATED_ADMINS, key(org.id(), d.accountId(), principal)).isPresent());
      return ListDelegatedAdministratorsResponse.builder()
          .delegatedAdministrators(page.items().stream().map(d -> administrator(tx, org, d)).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  ListDelegatedServicesForAccountResponse listDelegatedServicesForAccount(
      ListDelegatedServicesForAccountRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      AccountRecord account = AccountOperations.requireAccount(tx, org, r.accountId());
      if (!OrgAccess.isDelegatedAdministrator(tx, org.id(), account.id())) {
        throw notRegistered();
      }
      Pages.Page<DelegatedAdmin> page = Pages.scan(tx, DELEGATED_ADMINS, key(org.id(), account.id()) + "/",
          r.nextToken(), r.maxResults());
      return ListDelegatedServicesForAccountResponse.builder()
          .delegatedServices(page.items().stream()
              .map(d -> DelegatedService.builder().servicePrincipal(d.servicePrincipal())
                  .delegationEnabledDate(d.enabledAt()).build())
              .toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  private static DelegatedAdministrator administrator(ReadTx tx, OrgRecord org, DelegatedAccount d) {
    var a = OrgViews.account(org, AccountOperations.requireAccount(tx, org, d.accountId()));
    return DelegatedAdministrator.builder()
        .id(a.id()).arn(a.arn()).email(a.email()).name(a.name()).status(a.status()).state(a.state())
        .joinedMethod(a.joinedMethod()).joinedTimestamp(a.joinedTimestamp())
        .delegationEnabledDate(d.since())
        .build();
  }

  private static void requireAllFeatures(OrgRecord org) {
    if (!org.allFeatures()) {
      throw OrganizationsError.constraint("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE",
          "You attempted to perform an operation that requires the organization to be configured to support all"
              + " features.");
    }
  }

  static String servicePrincipal(String principal) {
    if (principal == null || !ServicePrincipals.recognized(principal)) {
      throw OrganizationsError.invalidInput("UNRECOGNIZED_SERVICE_PRINCIPAL",
          "You specified a service principal that isn't recognized.");
    }
    return principal;
  }

  private static RuntimeException notRegistered() {
    return OrganizationsError.ACCOUNT_NOT_REGISTERED.exception(
        "The provided account is not a registered delegated administrator for your organization.");
  }
}
