package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.CREATE_ACCOUNT;
import static dev.billinggate.service.organizations.OrgTables.DUE;
import static dev.billinggate.service.organizations.OrgTables.ORGS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.core.AwsIds;
import dev.billinggate.service.organizations.OrgTables.CreateAccountRecord;
import dev.billinggate.service.organizations.OrgTables.DueWork;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Completes CreateAccount and CloseAccount requests once their delay has passed. The outcome of a
 * CreateAccount is decided at completion, as AWS does (two requests for one email: the first to
 * complete wins, the other FAILS with EMAIL_ALREADY_EXISTS).
 */
final class AccountLifecycle {
  private final AccountProvisioner provisioner;
  private final AwsIds ids;
  private final OrganizationsSettings settings;

  AccountLifecycle(AccountProvisioner provisioner, AwsIds ids, OrganizationsSettings settings) {
    this.provisioner = provisioner;
    this.ids = ids;
    this.settings = settings;
  }

  boolean hasDue(ReadTx tx, Instant now) {
    return tx.scan(DUE, "", null, Integer.MAX_VALUE).stream().anyMatch(e -> !e.value().dueAt().isAfter(now));
  }

  void settle(WriteTx tx, Instant now) {
    List<DueWork> due = tx.scan(DUE, "", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value)
        .filter(w -> !w.dueAt().isAfter(now))
        .sorted(Comparator.comparing(DueWork::dueAt))
        .toList();
    for (DueWork work : due) {
      tx.delete(DUE, work.key());
      Optional<OrgRecord> org = tx.get(ORGS, work.orgId());
      if (org.isEmpty()) {
        continue;
      }
      if (DueWork.CREATE_ACCOUNT.equals(work.kind())) {
        completeCreate(tx, org.get(), work);
      } else {
        completeClose(tx, org.get(), work);
      }
    }
  }

  void scheduleCreate(WriteTx tx, String orgId, String requestId, Instant now) {
    DueWork work = new DueWork(DueWork.CREATE_ACCOUNT, orgId, requestId, now.plus(settings.createAccountDelay()));
    tx.put(DUE, work.key(), work);
  }

  void scheduleClose(WriteTx tx, String orgId, String accountId, Instant now) {
    DueWork work = new DueWork(DueWork.CLOSE_ACCOUNT, orgId, accountId, now.plus(settings.closeAccountDelay()));
    tx.put(DUE, work.key(), work);
  }

  int createsInProgress(ReadTx tx, String orgId) {
    return tx.count(DUE, key(DueWork.CREATE_ACCOUNT, orgId) + "/");
  }

  private void completeCreate(WriteTx tx, OrgRecord org, DueWork work) {
    Optional<CreateAccountRecord> found = tx.get(CREATE_ACCOUNT, key(org.id(), work.id()));
    if (found.isEmpty()) {
      return;
    }
    CreateAccountRecord request = found.get();
    Instant at = work.dueAt();
    CreateAccountRecord outcome;
    if (tx.count(ACCOUNTS, org.id() + "/") >= settings.accountQuota()) {
      outcome = request.failed("ACCOUNT_LIMIT_EXCEEDED", at);
    } else if (provisioner.accountIdByEmail(tx, request.email()).isPresent()) {
      outcome = request.failed("EMAIL_ALREADY_EXISTS", at);
    } else {
      String accountId = newAccountId(tx);
      provisioner.provision(tx, new NewMemberAccount(accountId, request.email(), request.accountName(),
          request.roleName(), org.managementAccountId(), org.id(), request.iamUserAccessToBilling(), request.tags()));
      Members.join(tx, org, accountId, request.email(), request.accountName(), "CREATED", at, request.tags());
      outcome = request.succeeded(accountId, at);
    }
    tx.put(CREATE_ACCOUNT, key(org.id(), request.id()), outcome);
  }

  /**
   * A closed account stays visible for its 90-day post-closure period: {@code State} CLOSED, and the
   * deprecated {@code Status} SUSPENDED (see OrgViews), as the CloseAccount reference describes.
   */
  private void completeClose(WriteTx tx, OrgRecord org, DueWork work) {
    OrgTree.account(tx, org.id(), work.id())
        .filter(a -> "PENDING_CLOSURE".equals(a.state()))
        .ifPresent(a -> tx.put(ACCOUNTS, key(org.id(), a.id()), a.withState("CLOSED", a.closedAt())));
  }

  private String newAccountId(ReadTx tx) {
    while (true) {
      String id = ids.accountId();
      if (provisioner.find(tx, id).isEmpty()) {
        return id;
      }
    }
  }
}
