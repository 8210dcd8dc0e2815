package dev.billinggate.twin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organization's governance state as {@code twin pull} read it: what a second emulator needs to
 * be that organization (same ids, emails, states, attachments, root features, root credential
 * presence) and what {@code twin diff} compares. Never secrets: root credentials are present or not,
 * with their ids.
 *
 * @param failures what the pull could not read; an incomplete twin says so instead of looking complete
 */
public record Twin(Header header, Organization organization, List<Root> roots, List<Ou> organizationalUnits,
    List<Policy> policies, List<ServiceAccess> trustedAccess, List<DelegatedAdministrator> delegatedAdministrators,
    ResourcePolicy resourcePolicy, RootAccess rootAccess, List<Account> accounts, List<Failure> failures) {

  /**
   * @param source the endpoint pulled from ({@code aws} for AWS's own)
   * @param caller who pulled (GetCallerIdentity's ARN)
   * @param redacted whether emails and account names are pseudonyms
   */
  public record Header(Instant pulledAt, String source, String caller, boolean redacted) {}

  public record Organization(String id, String featureSet, String managementAccountId,
      String managementAccountEmail) {}

  /** @param enabledPolicyTypes the policy types whose status on the root is ENABLED */
  public record Root(String id, String name, List<String> enabledPolicyTypes, Map<String, String> tags) {}

  /** Listed parents first, so every OU's parent comes before it. */
  public record Ou(String id, String name, String parentId, Map<String, String> tags) {}

  /** @param targets ids of the roots, OUs and accounts it is attached to */
  public record Policy(String id, String name, String description, String type, boolean awsManaged, String content,
      List<String> targets, Map<String, String> tags) {}

  public record ServiceAccess(String servicePrincipal, Instant enabledAt) {}

  public record DelegatedAdministrator(String accountId, String servicePrincipal, Instant enabledAt) {}

  public record ResourcePolicy(String id, String content) {}

  /**
   * IAM's centralized root access features (ListOrganizationsFeatures).
   *
   * @param error why they could not be read; null when they were
   */
  public record RootAccess(List<String> features, String error) {
    public boolean enabled(String feature) {
      return error == null && features.contains(feature);
    }
  }

  /**
   * @param state AccountState: ACTIVE, SUSPENDED, PENDING_CLOSURE or CLOSED
   * @param joinedMethod CREATED or INVITED
   * @param iam the account's roles ({@code --iam}); null when not pulled
   */
  public record Account(String id, String name, String email, String state, String joinedMethod, Instant joinedAt,
      String parentId, Map<String, String> tags, Billing billing, RootCredentials rootCredentials, Iam iam) {}

  /**
   * The "IAM user and role access to billing information" switch as the governance commands know it.
   *
   * @param source the evidence: vending record, attestation, emulator probe, or "none"
   */
  public record Billing(BillingAccess access, String source) {}

  public enum BillingAccess { ON, OFF, UNKNOWN }

  /**
   * The member's root user credentials as one IAMAuditRootUserCredentials session saw them.
   *
   * @param detail why they were not audited, or the error; null when audited
   */
  public record RootCredentials(Audit audit, String detail, boolean password, List<AccessKey> accessKeys,
      List<String> mfaDevices, List<String> signingCertificates) {

    public enum Audit { AUDITED, NOT_AUDITED, ERROR }

    public static RootCredentials notAudited(Audit audit, String detail) {
      return new RootCredentials(audit, detail, false, List.of(), List.of(), List.of());
    }
  }

  /** @param lastUsed null when never used */
  public record AccessKey(String id, String status, Instant lastUsed) {}

  /**
   * An account's IAM roles ({@code --iam}), for {@code explain} on the twin.
   *
   * @param error why they could not be read; null when they were
   */
  public record Iam(List<Role> roles, List<ManagedPolicy> customerPolicies, String error) {}

  /** @param attachedPolicyArns AWS managed and customer managed policies attached to the role */
  public record Role(String name, String path, String trustPolicy, List<String> attachedPolicyArns,
      Map<String, String> inlinePolicies) {}

  /** A customer managed policy's default version. */
  public record ManagedPolicy(String name, String path, String document) {}

  /**
   * Something the pull could not read.
   *
   * @param kind what it was reading (organization, policy-type, account, root-credentials, ...)
   * @param id the resource, or null
   */
  public record Failure(String kind, String id, String operation, String error) {}
}
