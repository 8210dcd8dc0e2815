package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.DELEGATED_ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.DELEGATED_ADMINS;
import static dev.billinggate.service.organizations.OrgTables.MEMBERS;
import static dev.billinggate.service.organizations.OrgTables.ORGS;
import static dev.billinggate.service.organizations.OrgTables.OUS;
import static dev.billinggate.service.organizations.OrgTables.POLICIES;
import static dev.billinggate.service.organizations.OrgTables.RESOURCE_POLICY;
import static dev.billinggate.service.organizations.OrgTables.SERVICE_ACCESS;
import static dev.billinggate.service.organizations.OrgTables.TAGS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.organizations.OrgTables.AccountRecord;
import dev.billinggate.service.organizations.OrgTables.DelegatedAccount;
import dev.billinggate.service.organizations.OrgTables.DelegatedAdmin;
import dev.billinggate.service.organizations.OrgTables.MemberRecord;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.OuRecord;
import dev.billinggate.service.organizations.OrgTables.PolicyRecord;
import dev.billinggate.service.organizations.OrgTables.ResourcePolicyRecord;
import dev.billinggate.service.organizations.OrgTables.ServiceAccess;
import dev.billinggate.service.organizations.OrgTables.TagSet;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organization copied in with its own ids (an organization twin), inside the caller's one
 * transaction: the records the operations would have made, keyed as they key them, without the
 * operations' id minting or their rules (the copy was valid where it came from; the twin file's
 * validation checked its shape). The caller invalidates the {@link OrganizationDirectory} after the commit.
 */
public final class OrganizationImport {
  private OrganizationImport() {}

  public static boolean anyOrganization(ReadTx tx) {
    return tx.count(ORGS, "") > 0;
  }

  /** The organization, its root's enabled policy types, and the AWS managed policies every organization has. */
  public static void organization(WriteTx tx, String id, String featureSet, String managementAccountId,
      String managementEmail, String managementName, String rootId, List<String> enabledPolicyTypes, Instant at) {
    tx.put(ORGS, id, new OrgRecord(id, featureSet, managementAccountId, managementEmail, managementName, rootId,
        enabledPolicyTypes, at));
    for (PolicyRecord managed : ManagedOrgPolicies.ALL) {
      tx.put(POLICIES, key(id, managed.id()), managed);
    }
  }

  /** @param depth 1 for an OU directly under the root */
  public static void ou(WriteTx tx, String orgId, String id, String name, String parentId, int depth) {
    tx.put(OUS, key(orgId, id), new OuRecord(id, name, parentId, depth));
    OrgTree.link(tx, orgId, parentId, OrgTree.OU, id);
  }

  /** @param closedAt when a closed or closing account's closure was requested; null for an open one */
  public static void account(WriteTx tx, String orgId, String id, String email, String name, String state,
      String joinedMethod, Instant joinedAt, String parentId, Instant closedAt) {
    tx.put(ACCOUNTS, key(orgId, id), new AccountRecord(id, email, name, state, joinedMethod, joinedAt, parentId,
        closedAt));
    tx.put(MEMBERS, id, new MemberRecord(id, orgId));
    OrgTree.link(tx, orgId, parentId, OrgTree.ACCOUNT, id);
  }

  /** A policy; an AWS managed one replaces the built-in copy of the same id. */
  public static void policy(WriteTx tx, String orgId, String id, String name, String description, String type,
      boolean awsManaged, String content) {
    tx.put(POLICIES, key(orgId, id), new PolicyRecord(id, name, description, type, awsManaged, content));
  }

  public static void attach(WriteTx tx, String orgId, String policyId, String targetId, String policyType) {
    Attachments.attach(tx, orgId, policyId, targetId, policyType);
  }

  public static void tags(WriteTx tx, String orgId, String resourceId, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      tx.put(TAGS, key(orgId, resourceId), new TagSet(tags));
    }
  }

  public static void serviceAccess(WriteTx tx, String orgId, String servicePrincipal, Instant enabledAt) {
    tx.put(SERVICE_ACCESS, key(orgId, servicePrincipal), new ServiceAccess(servicePrincipal, enabledAt));
  }

  public static void delegatedAdministrator(WriteTx tx, String orgId, String accountId, String servicePrincipal,
      Instant enabledAt) {
    tx.put(DELEGATED_ADMINS, key(orgId, accountId, servicePrincipal),
        new DelegatedAdmin(accountId, servicePrincipal, enabledAt));
    String accountKey = key(orgId, accountId);
    if (tx.get(DELEGATED_ACCOUNTS, accountKey).map(a -> a.since().isAfter(enabledAt)).orElse(true)) {
      tx.put(DELEGATED_ACCOUNTS, accountKey, new DelegatedAccount(accountId, enabledAt));
    }
  }

  public static void resourcePolicy(WriteTx tx, String orgId, String id, String content) {
    tx.put(RESOURCE_POLICY, orgId, new ResourcePolicyRecord(id, content));
  }
}
