package dev.billinggate.console.cost;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.gateway.Gateway;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.ServiceId;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.organizations.OrgMembership;
import dev.billinggate.service.organizations.OrganizationDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;

/**
 * Whose costs a principal sees: the management account sees every account of its organization
 * (consolidated billing); a member or standalone account sees only its own.
 */
public final class CostScope {
  private final Gateway gateway;
  private final OrganizationDirectory organizations;

  public CostScope(Gateway gateway, OrganizationDirectory organizations) {
    this.gateway = gateway;
    this.organizations = organizations;
  }

  /** The account ids whose costs {@code context}'s caller may see, its own first. */
  public List<String> accounts(CallContext context) {
    String own = context.caller().accountId();
    Optional<OrgMembership> membership = organizations.membership(own);
    if (membership.isEmpty() || !membership.get().isManagementAccount()) {
      return List.of(own);
    }
    List<String> accounts = new ArrayList<>(List.of(own));
    for (Account account : organizationAccounts(context)) {
      if (!account.id().equals(own)) {
        accounts.add(account.id());
      }
    }
    return accounts;
  }

  public boolean consolidated(CallContext context) {
    return organizations.membership(context.caller().accountId()).map(OrgMembership::isManagementAccount)
        .orElse(false);
  }

  /**
   * The organization's accounts as consolidated billing knows them. Billing reads them on the payer's
   * behalf, not with the signed-in principal's Organizations permissions, so the call is made as the
   * management account itself.
   */
  private List<Account> organizationAccounts(CallContext context) {
    String payer = context.caller().accountId();
    Caller billing = new Caller(CallerType.ROOT, payer, IamArns.root(payer), payer, null, null);
    CallContext asPayer = new CallContext(billing, "ListAccounts", context.requestId(), context.region(),
        context.now(), context.sourceIp(), context.secureTransport());
    List<Account> accounts = new ArrayList<>();
    String token = null;
    do {
      ListAccountsResponse page = gateway.invoke(ServiceId.ORGANIZATIONS,
          ListAccountsRequest.builder().nextToken(token).build(), asPayer, ListAccountsResponse.class);
      accounts.addAll(page.accounts());
      token = page.nextToken();
    } while (token != null);
    return accounts;
  }
}
