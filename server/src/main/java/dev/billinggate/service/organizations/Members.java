package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.MEMBERS;
import static dev.billinggate.service.organizations.OrgTables.TAGS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.organizations.OrgTables.AccountRecord;
import dev.billinggate.service.organizations.OrgTables.MemberRecord;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.TagSet;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.Map;

/** Accounts joining and leaving an organization, however they do it. */
final class Members {
  private Members() {}

  /**
   * The email and name an account joins with, from IAM. An authenticated caller's account is always
   * known there; the fallback only keeps a half-wired deployment answering instead of failing.
   */
  static AccountProvisioner.ExistingAccount describe(AccountProvisioner provisioner, ReadTx tx, String accountId) {
    return provisioner.find(tx, accountId)
        .orElse(new AccountProvisioner.ExistingAccount(accountId, accountId + "@example.com", accountId));
  }

  /** Adds the account under the root with the default policies of every enabled type. */
  static AccountRecord join(
      WriteTx tx, OrgRecord org, String accountId, String email, String name, String joinedMethod, Instant at,
      Map<String, String> tags) {
    AccountRecord account = new AccountRecord(accountId, email, name, "ACTIVE", joinedMethod, at, org.rootId(), null);
    tx.put(ACCOUNTS, key(org.id(), accountId), account);
    tx.put(MEMBERS, accountId, new MemberRecord(accountId, org.id()));
    OrgTree.link(tx, org.id(), org.rootId(), OrgTree.ACCOUNT, accountId);
    Attachments.attachDefaults(tx, org, accountId);
    if (!tags.isEmpty()) {
      tx.put(TAGS, key(org.id(), accountId), new TagSet(tags));
    }
    return account;
  }

  /**
   * Removes a member; AWS deletes its tags and attachments with it. Delegated administrators must be
   * deregistered first.
   */
  static void remove(WriteTx tx, OrgRecord org, AccountRecord account) {
    if (OrgAccess.isDelegatedAdministrator(tx, org.id(), account.id())) {
      throw OrganizationsError.constraint("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG",
          "You can't remove a delegated administrator account from the organization. Deregister it first.");
    }
    Attachments.detachAll(tx, org.id(), account.id());
    OrgTree.unlink(tx, org.id(), account.parentId(), OrgTree.ACCOUNT, account.id());
    tx.delete(ACCOUNTS, key(org.id(), account.id()));
    tx.delete(MEMBERS, account.id());
    tx.delete(TAGS, key(org.id(), account.id()));
  }
}
