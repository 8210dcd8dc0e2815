package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.CREATE_ACCOUNT;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.CreateAccountRecord;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountResponse;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.ListCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.ListCreateAccountStatusResponse;

/**
 * Asynchronous account creation. CreateAccount only records the request (IN_PROGRESS);
 * {@link AccountLifecycle} completes it once the configured delay has passed. With no delay it
 * completes before CreateAccount answers (SUCCEEDED with the account id, or FAILED), for test loops.
 */
final class CreateAccountOperations {
  static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";

  private final OrgTransactions txs;
  private final AccountLifecycle lifecycle;
  private final AwsIds ids;
  private final OrganizationsSettings settings;

  CreateAccountOperations(OrgTransactions txs, AccountLifecycle lifecycle, AwsIds ids, OrganizationsSettings settings) {
    this.txs = txs;
    this.lifecycle = lifecycle;
    this.ids = ids;
    this.settings = settings;
  }

  CreateAccountResponse createAccount(CreateAccountRequest r, CallContext ctx) {
    BillingAccessChoice billingAccess = BillingAccessChoice.of(r.iamUserAccessToBilling());
    String role = r.roleName() == null ? DEFAULT_ROLE : r.roleName();
    Map<String, String> tags = r.hasTags() ? TagOperations.toMap(r.tags()) : Map.of();
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      if (lifecycle.createsInProgress(tx, org.id()) >= settings.maxCreateAccountInProgress()) {
        throw OrganizationsError.constraint("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED",
            "You attempted to exceed the number of accounts that you can create at one time.");
      }
      CreateAccountRecord request = new CreateAccountRecord("car-" + ids.next(IdGenerator.LOWER_ALNUM, 32),
          r.accountName(), r.email(), role, billingAccess, tags, ctx.now(), "IN_PROGRESS", null, null, null);
      tx.put(CREATE_ACCOUNT, key(org.id(), request.id()), request);
      lifecycle.scheduleCreate(tx, org.id(), request.id(), ctx.now());
      if (settings.createAccountDelay().isZero()) {
        // No delay: the request completes in this transaction, so the response already says how.
        lifecycle.settle(tx, ctx.now());
        request = tx.get(CREATE_ACCOUNT, key(org.id(), request.id())).orElseThrow();
      }
      return CreateAccountResponse.builder().createAccountStatus(OrgViews.createAccountStatus(request)).build();
    });
  }

  DescribeCreateAccountStatusResponse describeCreateAccountStatus(
      DescribeCreateAccountStatusRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      CreateAccountRecord request = tx.get(CREATE_ACCOUNT, key(org.id(), r.createAccountRequestId()))
          .orElseThrow(() -> OrganizationsError.CREATE_ACCOUNT_STATUS_NOT_FOUND.exception(
              "We can't find an create account request with the CreateAccountRequestId that you specified."));
      return DescribeCreateAccountStatusResponse.builder()
          .createAccountStatus(OrgViews.createAccountStatus(request))
          .build();
    });
  }

  ListCreateAccountStatusResponse listCreateAccountStatus(ListCreateAccountStatusRequest r, CallContext ctx) {
    Set<String> states = r.hasStates() ? Set.copyOf(r.statesAsStrings()) : Set.of();
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      Pages.Page<CreateAccountRecord> page = Pages.scan(tx, CREATE_ACCOUNT, org.id() + "/", r.nextToken(),
          r.maxResults(), c -> states.isEmpty() || states.contains(c.state()));
      return ListCreateAccountStatusResponse.builder()
          .createAccountStatuses(page.items().stream().map(OrgViews::createAccountStatus).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }
}
