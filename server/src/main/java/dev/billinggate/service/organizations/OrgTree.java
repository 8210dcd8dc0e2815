package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.CHILDREN;
import static dev.billinggate.service.organizations.OrgTables.OUS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.organizations.OrgTables.AccountRecord;
import dev.billinggate.service.organizations.OrgTables.ChildLink;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.OuRecord;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The root → OU → account hierarchy of one organization, over the store. */
final class OrgTree {
  static final String ACCOUNT = "ACCOUNT";
  static final String OU = "ORGANIZATIONAL_UNIT";
  /** AWS allows OUs five levels deep below the root. */
  static final int MAX_OU_DEPTH = 5;

  private OrgTree() {}

  static Optional<AccountRecord> account(ReadTx tx, String orgId, String accountId) {
    return tx.get(ACCOUNTS, key(orgId, accountId));
  }

  static Optional<OuRecord> ou(ReadTx tx, String orgId, String ouId) {
    return tx.get(OUS, key(orgId, ouId));
  }

  /** Whether {@code id} names the root or an OU of {@code org}. */
  static boolean isContainer(ReadTx tx, OrgRecord org, String id) {
    return org.rootId().equals(id) || (id.startsWith("ou-") && ou(tx, org.id(), id).isPresent());
  }

  /** Whether {@code id} names the root, an OU or an account of {@code org}. */
  static boolean isTarget(ReadTx tx, OrgRecord org, String id) {
    return isContainer(tx, org, id) || account(tx, org.id(), id).isPresent();
  }

  /** The parent of an OU or account, empty for the root or an unknown id. */
  static Optional<String> parentOf(ReadTx tx, String orgId, String childId) {
    if (childId.startsWith("ou-")) {
      return ou(tx, orgId, childId).map(OuRecord::parentId);
    }
    return account(tx, orgId, childId).map(AccountRecord::parentId);
  }

  /** Ids from the root down to {@code childId}'s parent. */
  static List<String> ancestors(ReadTx tx, String orgId, String childId) {
    List<String> path = new ArrayList<>();
    Optional<String> parent = parentOf(tx, orgId, childId);
    while (parent.isPresent()) {
      path.add(parent.get());
      parent = parentOf(tx, orgId, parent.get());
    }
    Collections.reverse(path);
    return path;
  }

  /** Depth of a container: 0 for the root, 1.. for OUs. */
  static int depth(ReadTx tx, OrgRecord org, String containerId) {
    return org.rootId().equals(containerId) ? 0 : ou(tx, org.id(), containerId).map(OuRecord::depth).orElseThrow();
  }

  static String childPrefix(String orgId, String parentId, String type) {
    return key(orgId, parentId, type) + "/";
  }

  static boolean hasChildren(ReadTx tx, String orgId, String parentId) {
    return tx.count(CHILDREN, key(orgId, parentId) + "/") > 0;
  }

  static void link(WriteTx tx, String orgId, String parentId, String type, String childId) {
    tx.put(CHILDREN, childPrefix(orgId, parentId, type) + childId, new ChildLink(childId, type));
  }

  static void unlink(WriteTx tx, String orgId, String parentId, String type, String childId) {
    tx.delete(CHILDREN, childPrefix(orgId, parentId, type) + childId);
  }
}
