package dev.billinggate.service.iam;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.iam.IamSchema.AccessKey;
import dev.billinggate.service.iam.IamSchema.AccessKeyLocation;
import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.AccountRef;
import dev.billinggate.service.iam.IamSchema.CustomerPolicy;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.InlinePolicy;
import dev.billinggate.service.iam.IamSchema.PolicyVersion;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.IamSchema.MfaDevice;
import dev.billinggate.service.iam.IamSchema.OrganizationRootFeatures;
import dev.billinggate.service.iam.IamSchema.SigningCertificate;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IAM's side of an organization copied in with its own ids (an organization twin), inside the
 * caller's transaction: accounts as CreateAccount leaves them, root credentials whose presence and
 * ids were recorded elsewhere (the secrets behind them are new and known to nobody), and the
 * organization's centralized root access features.
 */
public final class AccountImport {
  private final IamEnv env;
  private final AccountRegistry accounts;
  private final MemberAccounts members;
  private final AttachmentOperations attachments;

  AccountImport(IamEnv env, AccountRegistry accounts, MemberAccounts members, AttachmentOperations attachments) {
    this.env = env;
    this.accounts = accounts;
    this.members = members;
    this.attachments = attachments;
  }

  /** How many accounts IAM knows: an empty emulator knows only the bootstrap account. */
  public long accounts(ReadTx tx) {
    return tx.count(IamSchema.ACCOUNTS, "");
  }

  /** Call before the members: their root credentials at creation depend on the features. */
  public void rootFeatures(WriteTx tx, String organizationId, boolean rootCredentialsManagement, boolean rootSessions) {
    tx.put(IamSchema.ORGANIZATION_ROOT_FEATURES, organizationId,
        new OrganizationRootFeatures(rootCredentialsManagement, rootSessions));
  }

  /** A member as CreateAccount leaves it: root user, and {@code roleName} trusting the management account. */
  public void member(WriteTx tx, String accountId, String email, String name, String roleName,
      String managementAccountId, String organizationId) {
    members.provision(tx, accountId, email, name, roleName, managementAccountId, organizationId);
  }

  /** A member whose roles come from elsewhere (the twin's {@code --iam}): root user only, no access role. */
  public void memberWithoutRoles(WriteTx tx, String accountId, String email, String name, String organizationId) {
    members.rootUser(tx, accountId, email, name, organizationId);
  }

  /**
   * A role as recorded. Its trust policy is not checked against the principals this emulator knows:
   * a real role trusts accounts and identity providers outside the twin.
   *
   * @return false (nothing written) when the account already has a role of that name
   */
  public boolean role(WriteTx tx, String accountId, String name, String path, String trustPolicy) {
    String key = IamSchema.key(accountId, name);
    if (tx.get(IamSchema.ROLES, key).isPresent()) {
      return false;
    }
    tx.put(IamSchema.ROLES, key, new Role(accountId, name, env.ids().roleId(), IamArns.path(path),
        env.clock().instant(), trustPolicy, null, RoleOperations.DEFAULT_MAX_SESSION_DURATION, null, Map.of(), null,
        null));
    return true;
  }

  /** A customer managed policy with the recorded document as its only (default) version. */
  public void customerPolicy(WriteTx tx, String accountId, String name, String path, String document) {
    Instant now = env.clock().instant();
    tx.put(IamSchema.POLICIES, IamSchema.key(accountId, name), new CustomerPolicy(accountId, name,
        env.ids().policyId(), IamArns.path(path), null, now, now, "v1", 2, List.of(new PolicyVersion("v1", document,
        now)), Map.of()));
  }

  /** @return false (nothing written) when the policy is unknown here (an AWS managed policy newer than billing-gate's copy) */
  public boolean attachToRole(WriteTx tx, String accountId, String roleName, String policyArn) {
    try {
      attachments.attach(tx, accountId, EntityKind.ROLE, roleName, policyArn);
      return true;
    } catch (AwsException unknown) {
      return false;
    }
  }

  public void inlineRolePolicy(WriteTx tx, String accountId, String roleName, String policyName, String document) {
    tx.put(IamSchema.INLINE_POLICIES, IamSchema.key(accountId, EntityKind.ROLE.name(), roleName, policyName),
        new InlinePolicy(EntityKind.ROLE, roleName, policyName, document));
  }

  /** An account outside any organization's making (the management account): root user only, no password known. */
  public void standalone(WriteTx tx, String accountId, String email, String name) {
    Account created = accounts.createAccount(tx, accountId, email, name, null);
    tx.put(IamSchema.ACCOUNTS, accountId, created.withRootPassword(Passwords.UNKNOWN, true));
  }

  /** Gives an existing account (the bootstrap account as the twin's management account) the twin's email and name. */
  public void rename(WriteTx tx, String accountId, String email, String name) {
    Account account = tx.get(IamSchema.ACCOUNTS, accountId).orElseThrow();
    tx.delete(IamSchema.ACCOUNT_EMAILS, account.email().toLowerCase(Locale.ROOT));
    tx.put(IamSchema.ACCOUNT_EMAILS, email.toLowerCase(Locale.ROOT), new AccountRef(accountId));
    tx.put(IamSchema.ACCOUNTS, accountId, new Account(accountId, email, name, account.alias(), account.createdAt(),
        account.rootPasswordHash(), account.rootPasswordLastUsed(), account.passwordRecoveryEnabled()));
  }

  /** Whether the root user has a console password (one nobody knows), as recorded. */
  public void rootPassword(WriteTx tx, String accountId, boolean present, boolean recovery) {
    Account account = tx.get(IamSchema.ACCOUNTS, accountId).orElseThrow();
    tx.put(IamSchema.ACCOUNTS, accountId, account.withRootPassword(present ? Passwords.UNKNOWN : null, recovery));
  }

  /** A root access key with the recorded id and status; its secret is new. Returns it (the caller may hand it out). */
  public AccessKey rootAccessKey(WriteTx tx, String accountId, String accessKeyId, String status, Instant lastUsed) {
    CredentialOwner root = new CredentialOwner(accountId, null);
    AccessKey key = new AccessKey(accountId, null, accessKeyId, env.ids().secretAccessKey(), status,
        env.clock().instant(), lastUsed, null, null);
    tx.put(IamSchema.ACCESS_KEYS, root.keyOf(accessKeyId), key);
    tx.put(IamSchema.ACCESS_KEY_INDEX, accessKeyId, new AccessKeyLocation(accountId, root.userKey()));
    return key;
  }

  /** A new root access key (for the twin's management account, so someone can act in it). */
  public AccessKey newRootAccessKey(WriteTx tx, String accountId) {
    return rootAccessKey(tx, accountId, env.ids().accessKeyId(), "Active", null);
  }

  /** The root user's MFA device with the recorded serial number; its seed is new. */
  public void rootMfaDevice(WriteTx tx, String accountId, String serialNumber) {
    String name = IamArns.name(serialNumber);
    Instant now = env.clock().instant();
    tx.put(IamSchema.MFA_DEVICES, IamSchema.key(accountId, name), new MfaDevice(accountId, serialNumber, name, "/",
        env.ids().next(IdGenerator.UPPER_ALNUM, 64), now, IamSchema.ROOT_USER, now));
  }

  /** A root signing certificate with the recorded id; the twin keeps no certificate body, so it has none. */
  public void rootSigningCertificate(WriteTx tx, String accountId, String certificateId) {
    CredentialOwner root = new CredentialOwner(accountId, null);
    tx.put(IamSchema.SIGNING_CERTIFICATES, root.keyOf(certificateId), new SigningCertificate(accountId, null,
        certificateId, "", "Active", env.clock().instant()));
  }
}
