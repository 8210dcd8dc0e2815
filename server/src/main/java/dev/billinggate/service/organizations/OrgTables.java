package dev.billinggate.service.organizations;

import dev.billinggate.store.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The persistent state of Organizations. Keys start with the organization id so that everything of
 * one organization is a prefix scan; indexes that must be found without knowing the organization
 * (membership, handshakes by account) start with the account or handshake id.
 */
final class OrgTables {
  private OrgTables() {}

  /** Key {@code orgId}. {@code enabledPolicyTypes} are the root's enabled types (one root per org). */
  record OrgRecord(
      String id,
      String featureSet,
      String managementAccountId,
      String managementEmail,
      String managementName,
      String rootId,
      List<String> enabledPolicyTypes,
      Instant createdAt) {

    OrgRecord {
      enabledPolicyTypes = List.copyOf(enabledPolicyTypes);
    }

    boolean allFeatures() {
      return "ALL".equals(featureSet);
    }

    boolean policyTypeEnabled(String type) {
      return enabledPolicyTypes.contains(type);
    }

    OrgRecord withPolicyTypes(List<String> types) {
      return new OrgRecord(id, featureSet, managementAccountId, managementEmail, managementName, rootId, types, createdAt);
    }

    OrgRecord withFeatureSet(String set) {
      return new OrgRecord(id, set, managementAccountId, managementEmail, managementName, rootId, enabledPolicyTypes, createdAt);
    }
  }

  /** Key {@code accountId}: which organization an account belongs to. */
  record MemberRecord(String accountId, String orgId) {}

  /**
   * Key {@code orgId/accountId}.
   *
   * @param state an {@code AccountState} name
   * @param closedAt when closure was requested, {@code null} while the account is open
   */
  record AccountRecord(
      String id, String email, String name, String state, String joinedMethod, Instant joinedAt,
      String parentId, Instant closedAt) {

    AccountRecord withParent(String parent) {
      return new AccountRecord(id, email, name, state, joinedMethod, joinedAt, parent, closedAt);
    }

    AccountRecord withState(String newState, Instant at) {
      return new AccountRecord(id, email, name, newState, joinedMethod, joinedAt, parentId, at);
    }
  }

  /** Key {@code orgId/ouId}. {@code depth} is 1 for an OU directly under the root. */
  record OuRecord(String id, String name, String parentId, int depth) {
    OuRecord withName(String newName) {
      return new OuRecord(id, newName, parentId, depth);
    }
  }

  /** Key {@code orgId/parentId/childType/childId}: the children of a root or OU, by type. */
  record ChildLink(String childId, String type) {}

  /** Key {@code orgId/policyId}. */
  record PolicyRecord(String id, String name, String description, String type, boolean awsManaged, String content) {
    PolicyRecord withChanges(String newName, String newDescription, String newContent) {
      return new PolicyRecord(id, newName, newDescription, type, awsManaged, newContent);
    }
  }

  /** In {@link #ATTACHMENTS} key {@code orgId/targetId/policyId}; in {@link #POLICY_TARGETS} {@code orgId/policyId/targetId}. */
  record Attachment(String policyId, String targetId, String policyType) {}

  /** Key {@code orgId/resourceId}. */
  record TagSet(Map<String, String> tags) {
    TagSet {
      tags = Map.copyOf(tags);
    }
  }

  /**
   * Key {@code orgId/requestId}.
   *
   * @param state a {@code CreateAccountState} name
   * @param failureReason a {@code CreateAccountFailureReason} name, {@code null} unless FAILED
   */
  record CreateAccountRecord(
      String id, String accountName, String email, String roleName, BillingAccessChoice iamUserAccessToBilling,
      Map<String, String> tags, Instant requestedAt, String state, String accountId, String failureReason,
      Instant completedAt) {

    CreateAccountRecord {
      tags = Map.copyOf(tags);
    }

    CreateAccountRecord succeeded(String newAccountId, Instant at) {
      return new CreateAccountRecord(id, accountName, email, roleName, iamUserAccessToBilling, tags, requestedAt,
          "SUCCEEDED", newAccountId, null, at);
    }

    CreateAccountRecord failed(String reason, Instant at) {
      return new CreateAccountRecord(id, accountName, email, roleName, iamUserAccessToBilling, tags, requestedAt,
          "FAILED", null, reason, at);
    }
  }

  /** Key {@code kind/orgId/id}: asynchronous work that completes at {@code dueAt}. */
  record DueWork(String kind, String orgId, String id, Instant dueAt) {
    static final String CREATE_ACCOUNT = "create";
    static final String CLOSE_ACCOUNT = "close";

    String key() {
      return kind + "/" + orgId + "/" + id;
    }
  }

  /**
   * Key {@code handshakeId}.
   *
   * @param action an {@code ActionType} name
   * @param state a {@code HandshakeState} name
   * @param targetAccountId the account that must accept (the invited account, a member asked to
   *     approve all features, or the management account)
   * @param targetEmail the email the invitation was addressed to, {@code null} when by account id
   * @param tags tags an invited account gets when it joins
   */
  record HandshakeRecord(
      String id, String orgId, String managementAccountId, String action, String state,
      String targetAccountId, String targetEmail, String notes, Instant requestedAt, Instant expiresAt,
      Map<String, String> tags) {

    HandshakeRecord {
      tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    HandshakeRecord withState(String newState) {
      return new HandshakeRecord(id, orgId, managementAccountId, action, newState, targetAccountId, targetEmail, notes,
          requestedAt, expiresAt, tags);
    }
  }

  /** In {@link #HANDSHAKES_BY_ORG} key {@code orgId/handshakeId}; in {@link #HANDSHAKES_BY_ACCOUNT} {@code accountId/handshakeId}. */
  record HandshakeRef(String handshakeId) {}

  /** Key {@code orgId/servicePrincipal}. */
  record ServiceAccess(String servicePrincipal, Instant enabledAt) {}

  /** Key {@code orgId/accountId/servicePrincipal}. */
  record DelegatedAdmin(String accountId, String servicePrincipal, Instant enabledAt) {}

  /** Key {@code orgId/accountId}: an account that is delegated administrator for at least one service. */
  record DelegatedAccount(String accountId, Instant since) {}

  /** Key {@code orgId}. */
  record ResourcePolicyRecord(String id, String content) {}

  static final Table<OrgRecord> ORGS = Table.of("orgs.organization", OrgRecord.class);
  static final Table<MemberRecord> MEMBERS = Table.of("orgs.member", MemberRecord.class);
  static final Table<AccountRecord> ACCOUNTS = Table.of("orgs.account", AccountRecord.class);
  static final Table<OuRecord> OUS = Table.of("orgs.ou", OuRecord.class);
  static final Table<ChildLink> CHILDREN = Table.of("orgs.child", ChildLink.class);
  static final Table<PolicyRecord> POLICIES = Table.of("orgs.policy", PolicyRecord.class);
  static final Table<Attachment> ATTACHMENTS = Table.of("orgs.attachment", Attachment.class);
  static final Table<Attachment> POLICY_TARGETS = Table.of("orgs.policy_target", Attachment.class);
  static final Table<TagSet> TAGS = Table.of("orgs.tag", TagSet.class);
  static final Table<CreateAccountRecord> CREATE_ACCOUNT = Table.of("orgs.create_account", CreateAccountRecord.class);
  static final Table<DueWork> DUE = Table.of("orgs.due", DueWork.class);
  static final Table<HandshakeRecord> HANDSHAKES = Table.of("orgs.handshake", HandshakeRecord.class);
  static final Table<HandshakeRef> HANDSHAKES_BY_ORG = Table.of("orgs.handshake_by_org", HandshakeRef.class);
  static final Table<HandshakeRef> HANDSHAKES_BY_ACCOUNT = Table.of("orgs.handshake_by_account", HandshakeRef.class);
  static final Table<ServiceAccess> SERVICE_ACCESS = Table.of("orgs.service_access", ServiceAccess.class);
  static final Table<DelegatedAdmin> DELEGATED_ADMINS = Table.of("orgs.delegated_admin", DelegatedAdmin.class);
  static final Table<DelegatedAccount> DELEGATED_ACCOUNTS = Table.of("orgs.delegated_account", DelegatedAccount.class);
  static final Table<ResourcePolicyRecord> RESOURCE_POLICY = Table.of("orgs.resource_policy", ResourcePolicyRecord.class);

  /** Tables whose keys all start with {@code orgId/}: what DeleteOrganization sweeps. */
  static final List<Table<?>> ORG_SCOPED = List.of(ACCOUNTS, OUS, CHILDREN, POLICIES, ATTACHMENTS, POLICY_TARGETS,
      TAGS, CREATE_ACCOUNT, HANDSHAKES_BY_ORG, SERVICE_ACCESS, DELEGATED_ADMINS, DELEGATED_ACCOUNTS);

  /** Every table, for {@code Store.declare}. */
  static final List<Table<?>> ALL = List.of(ORGS, MEMBERS, ACCOUNTS, OUS, CHILDREN, POLICIES, ATTACHMENTS,
      POLICY_TARGETS, TAGS, CREATE_ACCOUNT, DUE, HANDSHAKES, HANDSHAKES_BY_ORG, HANDSHAKES_BY_ACCOUNT, SERVICE_ACCESS,
      DELEGATED_ADMINS, DELEGATED_ACCOUNTS, RESOURCE_POLICY);

  static String key(String... parts) {
    return String.join("/", parts);
  }
}
