package dev.billinggate.service.iam;

import dev.billinggate.store.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IAM's persisted state: the records and the tables holding them. Keys start with the account id;
 * entity names are lower-cased in keys because IAM names are unique case-insensitively, which also
 * gives AWS's case-insensitive listing order.
 */
public final class IamSchema {
  private IamSchema() {}

  /** User segment of the root user's credentials in keys; {@code :} is not valid in IAM names. */
  public static final String ROOT_USER = ":root";

  public enum EntityKind { USER, GROUP, ROLE }

  /**
   * An AWS account and its root user's password state (root access keys, signing certificates and
   * MFA live in their tables under {@link #ROOT_USER}).
   *
   * @param rootPasswordHash bcrypt hash, {@link Passwords#UNKNOWN} for a password nobody knows, or
   *     {@code null} for none
   * @param passwordRecoveryEnabled whether the root user may recover (reset) the password by email;
   *     centralized root credentials management turns it off
   */
  public record Account(
      String accountId, String email, String name, String alias, Instant createdAt,
      String rootPasswordHash, Instant rootPasswordLastUsed, boolean passwordRecoveryEnabled) {

    public Account withAlias(String newAlias) {
      return new Account(accountId, email, name, newAlias, createdAt, rootPasswordHash, rootPasswordLastUsed,
          passwordRecoveryEnabled);
    }

    public Account withRootPassword(String hash, boolean recovery) {
      return new Account(accountId, email, name, alias, createdAt, hash, rootPasswordLastUsed, recovery);
    }
  }

  public record User(
      String accountId, String name, String id, String path, Instant createDate, Instant passwordLastUsed,
      String boundaryArn, Map<String, String> tags) implements Tags.Tagged<User> {

    public User withBoundary(String arn) {
      return new User(accountId, name, id, path, createDate, passwordLastUsed, arn, tags);
    }

    public User withTags(Map<String, String> newTags) {
      return new User(accountId, name, id, path, createDate, passwordLastUsed, boundaryArn, newTags);
    }
  }

  public record Group(String accountId, String name, String id, String path, Instant createDate) {}

  /** Stored twice, under the group and under the user, so both listings are prefix scans. */
  public record Membership(String groupName, String userName) {}

  public record Role(
      String accountId, String name, String id, String path, Instant createDate, String trustPolicy,
      String description, int maxSessionDuration, String boundaryArn, Map<String, String> tags,
      Instant lastUsedDate, String lastUsedRegion) implements Tags.Tagged<Role> {

    public Role withTrustPolicy(String json) {
      return new Role(accountId, name, id, path, createDate, json, description, maxSessionDuration, boundaryArn,
          tags, lastUsedDate, lastUsedRegion);
    }

    public Role withSettings(String newDescription, int newMaxSessionDuration) {
      return new Role(accountId, name, id, path, createDate, trustPolicy, newDescription, newMaxSessionDuration,
          boundaryArn, tags, lastUsedDate, lastUsedRegion);
    }

    public Role withBoundary(String arn) {
      return new Role(accountId, name, id, path, createDate, trustPolicy, description, maxSessionDuration, arn,
          tags, lastUsedDate, lastUsedRegion);
    }

    public Role withTags(Map<String, String> newTags) {
      return new Role(accountId, name, id, path, createDate, trustPolicy, description, maxSessionDuration,
          boundaryArn, newTags, lastUsedDate, lastUsedRegion);
    }

    public Role usedAt(Instant when, String region) {
      return new Role(accountId, name, id, path, createDate, trustPolicy, description, maxSessionDuration,
          boundaryArn, tags, when, region);
    }
  }

  /** A customer managed policy with all its versions (at most five). */
  public record CustomerPolicy(
      String accountId, String name, String id, String path, String description, Instant createDate,
      Instant updateDate, String defaultVersionId, int nextVersion, List<PolicyVersion> versions,
      Map<String, String> tags) implements Tags.Tagged<CustomerPolicy> {

    public CustomerPolicy withVersions(List<PolicyVersion> newVersions, String newDefault, int newNext, Instant now) {
      return new CustomerPolicy(accountId, name, id, path, description, createDate, now, newDefault, newNext,
          newVersions, tags);
    }

    public CustomerPolicy withTags(Map<String, String> newTags) {
      return new CustomerPolicy(accountId, name, id, path, description, createDate, updateDate, defaultVersionId,
          nextVersion, versions, newTags);
    }

    public PolicyVersion defaultVersion() {
      return versions.stream().filter(v -> v.versionId().equals(defaultVersionId)).findFirst().orElseThrow();
    }
  }

  public record PolicyVersion(String versionId, String document, Instant createDate) {}

  /** A managed policy attached to a user, group or role (stored under the entity and under the policy). */
  public record Attachment(EntityKind kind, String entityName, String policyArn) {}

  public record InlinePolicy(EntityKind kind, String entityName, String policyName, String document) {}

  /** An access key; {@code userName} is {@code null} for the root user's keys. */
  public record AccessKey(
      String accountId, String userName, String accessKeyId, String secret, String status, Instant createDate,
      Instant lastUsedDate, String lastUsedService, String lastUsedRegion) {

    public AccessKey withStatus(String newStatus) {
      return new AccessKey(accountId, userName, accessKeyId, secret, newStatus, createDate, lastUsedDate,
          lastUsedService, lastUsedRegion);
    }

    /** Not named {@code isRoot}: a bean-style name would be serialized as a stored field. */
    public boolean ownedByRoot() {
      return userName == null;
    }
  }

  /** Where an access key lives, by key id: the credential lookup's index. */
  public record AccessKeyLocation(String accountId, String userKey) {}

  public record LoginProfile(String userName, String passwordHash, Instant createDate, boolean passwordResetRequired) {}

  public record PasswordPolicy(
      int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers, boolean requireUppercase,
      boolean requireLowercase, boolean allowUsersToChangePassword, Integer maxPasswordAge,
      Integer passwordReusePrevention, boolean hardExpiry) {}

  /** A virtual MFA device; {@code userName} is the user it is enabled for ({@link #ROOT_USER} for root). */
  public record MfaDevice(String accountId, String serialNumber, String name, String path, String seedBase32,
      Instant createDate, String userName, Instant enableDate) {

    public MfaDevice enabledFor(String user, Instant when) {
      return new MfaDevice(accountId, serialNumber, name, path, seedBase32, createDate, user, when);
    }
  }

  /** An X.509 signing certificate; {@code userName} is {@code null} for the root user's. */
  public record SigningCertificate(String accountId, String userName, String certificateId, String body,
      String status, Instant uploadDate) {

    public SigningCertificate withStatus(String newStatus) {
      return new SigningCertificate(accountId, userName, certificateId, body, newStatus, uploadDate);
    }
  }

  /** Centralized root access features enabled in an organization, keyed by organization id. */
  public record OrganizationRootFeatures(boolean rootCredentialsManagement, boolean rootSessions) {}

  /** The account an alias or an email address belongs to; both are unique across all accounts. */
  public record AccountRef(String accountId) {}

  /** The account's last generated credential report (CSV), kept until the next generation. */
  public record CredentialReport(Instant generatedAt, String csv) {}

  /** A policy used as a permissions boundary by a user or role; counted for PermissionsBoundaryUsageCount. */
  public record BoundaryUse(EntityKind kind, String entityName, String policyArn) {}

  /**
   * An OpenID Connect identity provider; {@code url} is the issuer without {@code https://}, as in its
   * ARN and in GetOpenIDConnectProvider.
   */
  public record OidcProvider(String accountId, String url, List<String> clientIds, List<String> thumbprints,
      Instant createDate, Map<String, String> tags) implements Tags.Tagged<OidcProvider> {

    public OidcProvider withClientIds(List<String> ids) {
      return new OidcProvider(accountId, url, ids, thumbprints, createDate, tags);
    }

    public OidcProvider withThumbprints(List<String> newThumbprints) {
      return new OidcProvider(accountId, url, clientIds, newThumbprints, createDate, tags);
    }

    @Override
    public OidcProvider withTags(Map<String, String> newTags) {
      return new OidcProvider(accountId, url, clientIds, thumbprints, createDate, newTags);
    }
  }

  /** An instance profile: a container for at most one role, named in {@code roleNames}. */
  public record InstanceProfile(String accountId, String name, String id, String path, Instant createDate,
      List<String> roleNames, Map<String, String> tags) implements Tags.Tagged<InstanceProfile> {

    public InstanceProfile withRoles(List<String> names) {
      return new InstanceProfile(accountId, name, id, path, createDate, names, tags);
    }

    @Override
    public InstanceProfile withTags(Map<String, String> newTags) {
      return new InstanceProfile(accountId, name, id, path, createDate, roleNames, newTags);
    }
  }

  /** A role's place in an instance profile, keyed by account, role, profile: the per-role index. */
  public record RoleInProfile(String roleName, String profileName) {}

  /**
   * A SAML 2.0 identity provider with its metadata document (validated by {@link SamlMetadata}) and the
   * private keys IAM decrypts encrypted assertions with.
   */
  public record SamlProvider(String accountId, String name, String uuid, String metadata, Instant createDate,
      Instant validUntil, String assertionEncryptionMode, List<SamlKey> privateKeys, Map<String, String> tags)
      implements Tags.Tagged<SamlProvider> {

    public SamlProvider withMetadata(String document, Instant newValidUntil) {
      return new SamlProvider(accountId, name, uuid, document, createDate, newValidUntil, assertionEncryptionMode,
          privateKeys, tags);
    }

    public SamlProvider withEncryption(String mode, List<SamlKey> keys) {
      return new SamlProvider(accountId, name, uuid, metadata, createDate, validUntil, mode, keys, tags);
    }

    @Override
    public SamlProvider withTags(Map<String, String> newTags) {
      return new SamlProvider(accountId, name, uuid, metadata, createDate, validUntil, assertionEncryptionMode,
          privateKeys, newTags);
    }
  }

  /** A SAML provider's private key (PEM) for encrypted assertions. */
  public record SamlKey(String keyId, String pem, Instant added) {}

  /**
   * A server certificate with its chain; the private key is checked against the certificate on
   * upload and not kept, since no API ever returns it.
   */
  public record ServerCertificate(String accountId, String name, String id, String path, String body, String chain,
      Instant expiration, Instant uploadDate, Map<String, String> tags) implements Tags.Tagged<ServerCertificate> {

    public ServerCertificate renamed(String newName, String newPath) {
      return new ServerCertificate(accountId, newName, id, newPath, body, chain, expiration, uploadDate, tags);
    }

    @Override
    public ServerCertificate withTags(Map<String, String> newTags) {
      return new ServerCertificate(accountId, name, id, path, body, chain, expiration, uploadDate, newTags);
    }
  }

  /** An IAM user's SSH public key (an RSA key, kept in its OpenSSH encoding). */
  public record SshPublicKey(String accountId, String userName, String id, String body, String fingerprint,
      String status, Instant uploadDate) {

    public SshPublicKey withStatus(String newStatus) {
      return new SshPublicKey(accountId, userName, id, body, fingerprint, newStatus, uploadDate);
    }

    public SshPublicKey ownedBy(String newUserName) {
      return new SshPublicKey(accountId, newUserName, id, body, fingerprint, status, uploadDate);
    }
  }

  /**
   * A DeleteServiceLinkedRole task, keyed by account and task id.
   *
   * @param status {@code SUCCEEDED} or {@code FAILED}; {@code failure} says why for the latter
   */
  /**
   * A service-linked role's deletion: its outcome is decided when it is asked for and reported once
   * {@code completesAt} has passed (IN_PROGRESS before; a task stored without it is complete).
   */
  public record DeletionTask(String taskId, String roleName, String servicePrincipal, String status,
      String failure, Instant completesAt) {}

  public static final Table<Account> ACCOUNTS = Table.of("iam.accounts", Account.class);
  public static final Table<User> USERS = Table.of("iam.users", User.class);
  public static final Table<Group> GROUPS = Table.of("iam.groups", Group.class);
  public static final Table<Membership> GROUP_MEMBERS = Table.of("iam.group_members", Membership.class);
  public static final Table<Membership> USER_GROUPS = Table.of("iam.user_groups", Membership.class);
  public static final Table<Role> ROLES = Table.of("iam.roles", Role.class);
  public static final Table<CustomerPolicy> POLICIES = Table.of("iam.policies", CustomerPolicy.class);
  public static final Table<Attachment> ENTITY_ATTACHMENTS = Table.of("iam.entity_attachments", Attachment.class);
  public static final Table<Attachment> POLICY_ATTACHMENTS = Table.of("iam.policy_attachments", Attachment.class);
  public static final Table<BoundaryUse> BOUNDARY_USES = Table.of("iam.boundary_uses", BoundaryUse.class);
  public static final Table<InlinePolicy> INLINE_POLICIES = Table.of("iam.inline_policies", InlinePolicy.class);
  public static final Table<AccessKey> ACCESS_KEYS = Table.of("iam.access_keys", AccessKey.class);
  public static final Table<AccessKeyLocation> ACCESS_KEY_INDEX = Table.of("iam.access_key_index", AccessKeyLocation.class);
  public static final Table<LoginProfile> LOGIN_PROFILES = Table.of("iam.login_profiles", LoginProfile.class);
  public static final Table<PasswordPolicy> PASSWORD_POLICIES = Table.of("iam.password_policies", PasswordPolicy.class);
  public static final Table<MfaDevice> MFA_DEVICES = Table.of("iam.mfa_devices", MfaDevice.class);
  public static final Table<AccountRef> ALIASES = Table.of("iam.aliases", AccountRef.class);
  public static final Table<CredentialReport> CREDENTIAL_REPORTS =
      Table.of("iam.credential_reports", CredentialReport.class);
  public static final Table<SigningCertificate> SIGNING_CERTIFICATES =
      Table.of("iam.signing_certificates", SigningCertificate.class);
  public static final Table<OrganizationRootFeatures> ORGANIZATION_ROOT_FEATURES =
      Table.of("iam.organization_root_features", OrganizationRootFeatures.class);
  /** Keyed by account and issuer URL (without scheme, lower-cased). */
  public static final Table<OidcProvider> OIDC_PROVIDERS = Table.of("iam.oidc_providers", OidcProvider.class);
  public static final Table<InstanceProfile> INSTANCE_PROFILES =
      Table.of("iam.instance_profiles", InstanceProfile.class);
  public static final Table<RoleInProfile> ROLE_PROFILES = Table.of("iam.role_profiles", RoleInProfile.class);
  public static final Table<SamlProvider> SAML_PROVIDERS = Table.of("iam.saml_providers", SamlProvider.class);
  public static final Table<ServerCertificate> SERVER_CERTIFICATES =
      Table.of("iam.server_certificates", ServerCertificate.class);
  public static final Table<SshPublicKey> SSH_PUBLIC_KEYS = Table.of("iam.ssh_public_keys", SshPublicKey.class);
  public static final Table<DeletionTask> ROLE_DELETION_TASKS =
      Table.of("iam.role_deletion_tasks", DeletionTask.class);
  /** Keyed by the lower-cased email address. */
  public static final Table<AccountRef> ACCOUNT_EMAILS = Table.of("iam.account_emails", AccountRef.class);

  /** Every IAM table, for opening the store. */
  public static List<Table<?>> tables() {
    return List.of(ACCOUNTS, USERS, GROUPS, GROUP_MEMBERS, USER_GROUPS, ROLES, POLICIES, ENTITY_ATTACHMENTS,
        POLICY_ATTACHMENTS, BOUNDARY_USES, INLINE_POLICIES, ACCESS_KEYS, ACCESS_KEY_INDEX, LOGIN_PROFILES,
        PASSWORD_POLICIES, MFA_DEVICES, ALIASES, ACCOUNT_EMAILS, CREDENTIAL_REPORTS, SIGNING_CERTIFICATES,
        ORGANIZATION_ROOT_FEATURES, OIDC_PROVIDERS, INSTANCE_PROFILES, ROLE_PROFILES, SAML_PROVIDERS,
        SERVER_CERTIFICATES, SSH_PUBLIC_KEYS, ROLE_DELETION_TASKS);
  }

  /** {@code account/part/part...} with parts lower-cased, ending without a slash. */
  public static String key(String accountId, String... parts) {
    StringBuilder key = new StringBuilder(accountId);
    for (String part : parts) {
      key.append('/').append(part.toLowerCase(Locale.ROOT));
    }
    return key.toString();
  }

  /** The prefix listing everything below {@code key(accountId, parts)}. */
  public static String prefix(String accountId, String... parts) {
    return key(accountId, parts) + "/";
  }

  /** A policy ARN as one key segment: its slashes are escaped so prefix scans cannot cross policies. */
  public static String arnSegment(String policyArn) {
    return policyArn.replace("%", "%25").replace("/", "%2F");
  }
}
