package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.DELEGATED_ADMINS;
import static dev.billinggate.service.organizations.OrgTables.POLICIES;
import static dev.billinggate.service.organizations.OrgTables.RESOURCE_POLICY;
import static dev.billinggate.service.organizations.OrgTables.SERVICE_ACCESS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.service.organizations.OrgTables.Attachment;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.PolicyRecord;
import dev.billinggate.service.organizations.OrgTables.ResourcePolicyRecord;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the rest of billing-gate asks Organizations on every request: an account's membership and the
 * SCPs/RCPs that apply to it, level by level. Answers are cached until the next Organizations write.
 *
 * <p>The cache is a snapshot replaced after each commit; a reader that computed an answer from older
 * state can only have stored it into a snapshot that is already discarded. Compiled policies are
 * cached across snapshots by ARN and recompiled only when the document changed.
 */
public final class OrganizationDirectory {
  private final Store store;
  private final PolicyEngine engine;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot());
  private final Map<String, Policy> compiled = new ConcurrentHashMap<>();

  private static final class Snapshot {
    final Map<String, Optional<OrgMembership>> memberships = new ConcurrentHashMap<>();
    final Map<String, List<List<Policy>>> levels = new ConcurrentHashMap<>();
  }

  public OrganizationDirectory(Store store, PolicyEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** The account's membership, empty when it is in no organization. */
  public Optional<OrgMembership> membership(String accountId) {
    return snapshot.get().memberships.computeIfAbsent(accountId, id -> store.read(tx -> load(tx, id)));
  }

  /**
   * The SCPs ({@link PolicyType#SERVICE_CONTROL}) or RCPs ({@link PolicyType#RESOURCE_CONTROL})
   * that apply to the account (as principal for SCPs, as resource owner for RCPs): those attached at
   * each level, the root, each OU down the path, then the account. Empty when the account is in no
   * organization, is its management account (neither SCPs nor RCPs affect it), or the type is not
   * enabled in its root.
   */
  public List<List<Policy>> policiesByLevel(String accountId, PolicyType type) {
    String orgType = switch (type) {
      case SERVICE_CONTROL -> ManagedOrgPolicies.SCP;
      case RESOURCE_CONTROL -> ManagedOrgPolicies.RCP;
      default -> throw new IllegalArgumentException(type + " is not an organization policy type");
    };
    return snapshot.get().levels.computeIfAbsent(accountId + "/" + orgType,
        k -> store.read(tx -> loadLevels(tx, accountId, orgType)));
  }

  /** Whether the account is a delegated administrator for {@code servicePrincipal} in its organization. */
  public boolean isDelegatedAdministrator(String accountId, String servicePrincipal) {
    return membership(accountId)
        .map(m -> store.read(tx -> tx.get(DELEGATED_ADMINS, key(m.organizationId(), accountId, servicePrincipal))
            .isPresent()))
        .orElse(false);
  }

  /** Whether the member is delegated administrator for at least one service. */
  boolean isDelegatedAdministratorForAnyService(OrgMembership m) {
    return store.read(tx -> OrgAccess.isDelegatedAdministrator(tx, m.organizationId(), m.accountId()));
  }

  /** Whether trusted access for {@code servicePrincipal} is enabled in the account's organization. */
  public boolean isServiceAccessEnabled(String accountId, String servicePrincipal) {
    return membership(accountId)
        .map(m -> store.read(tx -> tx.get(SERVICE_ACCESS, key(m.organizationId(), servicePrincipal)).isPresent()))
        .orElse(false);
  }

  /** Whether the account's organization has all features enabled. */
  public boolean allFeatures(String accountId) {
    return membership(accountId).map(OrgMembership::allFeatures).orElse(false);
  }

  /** The organization's resource-based delegation policy JSON, if the account's organization has one. */
  public Optional<String> resourcePolicy(String accountId) {
    return membership(accountId)
        .flatMap(m -> store.read(tx -> tx.get(RESOURCE_POLICY, m.organizationId())))
        .map(ResourcePolicyRecord::content);
  }

  /** An account of an organization, as billing pages list it. */
  public record OrgAccount(String accountId, String name) {}

  /** The accounts of the account's organization (management account included), in id order; empty when standalone. */
  public List<OrgAccount> organizationAccounts(String accountId) {
    return membership(accountId).map(m -> store.read(tx -> tx.scan(OrgTables.ACCOUNTS, m.organizationId() + "/", null,
        Integer.MAX_VALUE).stream().map(e -> new OrgAccount(e.value().id(), e.value().name())).toList()))
        .orElse(List.of());
  }

  /** Drops every cached answer; Organizations calls it after each committed write, reset after a restore. */
  public void invalidate() {
    snapshot.set(new Snapshot());
  }

  private static Optional<OrgMembership> load(ReadTx tx, String accountId) {
    return OrgAccess.orgOf(tx, accountId).map(org -> {
      List<String> path = OrgTree.ancestors(tx, org.id(), accountId);
      StringBuilder orgPath = new StringBuilder(org.id()).append('/');
      path.forEach(id -> orgPath.append(id).append('/'));
      return new OrgMembership(org.id(), org.managementAccountId(), accountId, path, orgPath.toString(),
          org.allFeatures());
    });
  }

  private List<List<Policy>> loadLevels(ReadTx tx, String accountId, String orgType) {
    Optional<OrgRecord> found = OrgAccess.orgOf(tx, accountId);
    if (found.isEmpty() || found.get().managementAccountId().equals(accountId)
        || !found.get().policyTypeEnabled(orgType)) {
      return List.of();
    }
    OrgRecord org = found.get();
    List<String> targets = new ArrayList<>(OrgTree.ancestors(tx, org.id(), accountId));
    targets.add(accountId);
    List<List<Policy>> levels = new ArrayList<>(targets.size());
    for (String target : targets) {
      List<Policy> level = new ArrayList<>();
      for (Attachment a : Attachments.ofTarget(tx, org.id(), target)) {
        if (a.policyType().equals(orgType)) {
          tx.get(POLICIES, key(org.id(), a.policyId())).ifPresent(p -> level.add(compile(org, p)));
        }
      }
      levels.add(List.copyOf(level));
    }
    return List.copyOf(levels);
  }

  private Policy compile(OrgRecord org, PolicyRecord p) {
    String arn = OrgArns.policy(org.managementAccountId(), org.id(), p.type(), p.id(), p.awsManaged());
    PolicyKind kind = ManagedOrgPolicies.SCP.equals(p.type()) ? PolicyKind.SERVICE_CONTROL : PolicyKind.RESOURCE_CONTROL;
    return compiled.compute(arn,
        (k, old) -> old != null && old.json().equals(p.content()) ? old : engine.compile(arn, p.content(), kind));
  }
}
