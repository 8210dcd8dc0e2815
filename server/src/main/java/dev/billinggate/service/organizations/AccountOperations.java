package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.CHILDREN;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.AccountRecord;
import dev.billinggate.service.organizations.OrgTables.ChildLink;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.store.ReadTx;
import software.amazon.awssdk.services.organizations.model.CloseAccountRequest;
import software.amazon.awssdk.services.organizations.model.CloseAccountResponse;
import software.amazon.awssdk.services.organizations.model.DescribeAccountRequest;
import software.amazon.awssdk.services.organizations.model.DescribeAccountResponse;
import software.amazon.awssdk.services.organizations.model.LeaveOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.LeaveOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.RemoveAccountFromOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.RemoveAccountFromOrganizationResponse;

/** Member accounts: listing, describing, and accounts leaving (removed, closed, or on their own). */
final class AccountOperations {
  private final OrgTransactions txs;
  private final AccountLifecycle lifecycle;

  AccountOperations(OrgTransactions txs, AccountLifecycle lifecycle) {
    this.txs = txs;
    this.lifecycle = lifecycle;
  }

  /** Accounts in account-id order; a page is one prefix scan after the token's key. */
  ListAccountsResponse listAccounts(ListAccountsRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      Pages.Page<AccountRecord> page = Pages.scan(tx, ACCOUNTS, org.id() + "/", r.nextToken(), r.maxResults());
      return ListAccountsResponse.builder()
          .accounts(page.items().stream().map(a -> OrgViews.account(org, a)).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  ListAccountsForParentResponse listAccountsForParent(ListAccountsForParentRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      OuOperations.requireParent(tx, org, r.parentId());
      Pages.Page<ChildLink> page = Pages.scan(tx, CHILDREN,
          OrgTree.childPrefix(org.id(), r.parentId(), OrgTree.ACCOUNT), r.nextToken(), r.maxResults());
      return ListAccountsForParentResponse.builder()
          .accounts(page.items().stream()
              .map(c -> OrgViews.account(org, OrgTree.account(tx, org.id(), c.childId()).orElseThrow()))
              .toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  DescribeAccountResponse describeAccount(DescribeAccountRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      return DescribeAccountResponse.builder()
          .account(OrgViews.account(org, requireAccount(tx, org, r.accountId())))
          .build();
    });
  }

  RemoveAccountFromOrganizationResponse removeAccountFromOrganization(
      RemoveAccountFromOrganizationRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      AccountRecord account = requireAccount(tx, org, r.accountId());
      if (account.id().equals(org.managementAccountId())) {
        throw managementCannotLeave();
      }
      Members.remove(tx, org, account);
      return RemoveAccountFromOrganizationResponse.builder().build();
    });
  }

  /** The member itself leaves; SCPs of the organization may forbid it (checked by the gateway). */
  LeaveOrganizationResponse leaveOrganization(LeaveOrganizationRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      String caller = ctx.caller().accountId();
      OrgRecord org = OrgAccess.member(tx, caller);
      if (caller.equals(org.managementAccountId())) {
        throw managementCannotLeave();
      }
      Members.remove(tx, org, requireAccount(tx, org, caller));
      return LeaveOrganizationResponse.builder().build();
    });
  }

  /**
   * Closing is asynchronous: PENDING_CLOSURE now, SUSPENDED once the close delay has passed (AWS's
   * state for the 90 days after closure). Closed accounts stay in the organization and count against
   * its account quota, as in AWS.
   */
  CloseAccountResponse closeAccount(CloseAccountRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      AccountRecord account = requireAccount(tx, org, r.accountId());
      if (account.id().equals(org.managementAccountId())) {
        throw OrganizationsError.constraint("CANNOT_CLOSE_MANAGEMENT_ACCOUNT",
            "You attempted to close the management account. Management accounts can't be closed from within the"
                + " organization.");
      }
      switch (account.state()) {
        case "SUSPENDED", "CLOSED" -> throw OrganizationsError.ACCOUNT_ALREADY_CLOSED.exception(
            "You attempted to close an account that is already closed.");
        case "PENDING_CLOSURE" -> throw OrganizationsError.CONFLICT.exception(
            "The request failed because it conflicts with the current state of the specified resource.");
        default -> { }
      }
      tx.put(ACCOUNTS, key(org.id(), account.id()), account.withState("PENDING_CLOSURE", ctx.now()));
      lifecycle.scheduleClose(tx, org.id(), account.id(), ctx.now());
      return CloseAccountResponse.builder().build();
    });
  }

  static AccountRecord requireAccount(ReadTx tx, OrgRecord org, String accountId) {
    return OrgTree.account(tx, org.id(), accountId).orElseThrow(OrganizationsError::accountNotFound);
  }

  private static RuntimeException managementCannotLeave() {
    return OrganizationsError.MASTER_CANNOT_LEAVE_ORGANIZATION.exception(
        "You can't remove a management account from an organization. If you want the management account to become"
            + " a member account in another organization, you must first delete the current organization of the"
            + " management account.");
  }
}
