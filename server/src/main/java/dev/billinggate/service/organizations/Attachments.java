package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ATTACHMENTS;
import static dev.billinggate.service.organizations.OrgTables.POLICY_TARGETS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.organizations.OrgTables.Attachment;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.List;

/** Policy attachments, kept in both directions (target → policies, policy → targets). */
final class Attachments {
  private Attachments() {}

  static boolean attached(ReadTx tx, String orgId, String policyId, String targetId) {
    return tx.get(ATTACHMENTS, key(orgId, targetId, policyId)).isPresent();
  }

  static void attach(WriteTx tx, String orgId, String policyId, String targetId, String policyType) {
    Attachment attachment = new Attachment(policyId, targetId, policyType);
    tx.put(ATTACHMENTS, key(orgId, targetId, policyId), attachment);
    tx.put(POLICY_TARGETS, key(orgId, policyId, targetId), attachment);
  }

  static void detach(WriteTx tx, String orgId, String policyId, String targetId) {
    tx.delete(ATTACHMENTS, key(orgId, targetId, policyId));
    tx.delete(POLICY_TARGETS, key(orgId, policyId, targetId));
  }

  static List<Attachment> ofTarget(ReadTx tx, String orgId, String targetId) {
    return tx.scan(ATTACHMENTS, key(orgId, targetId) + "/", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  static List<Attachment> ofPolicy(ReadTx tx, String orgId, String policyId) {
    return tx.scan(POLICY_TARGETS, key(orgId, policyId) + "/", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  static long countOfType(ReadTx tx, String orgId, String targetId, String policyType) {
    return ofTarget(tx, orgId, targetId).stream().filter(a -> a.policyType().equals(policyType)).count();
  }

  /** What a new OU or account starts with: the default policy of every enabled authorization type. */
  static void attachDefaults(WriteTx tx, OrgRecord org, String targetId) {
    for (String type : org.enabledPolicyTypes()) {
      ManagedOrgPolicies.defaultFor(type).ifPresent(p -> attach(tx, org.id(), p.id(), targetId, type));
    }
  }

  /** Removes every attachment of a target that leaves the organization. */
  static void detachAll(WriteTx tx, String orgId, String targetId) {
    for (Attachment a : ofTarget(tx, orgId, targetId)) {
      detach(tx, orgId, a.policyId(), targetId);
    }
  }
}
