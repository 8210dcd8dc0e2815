package dev.billinggate.service.iam;

import dev.billinggate.service.iam.IamSchema.AccessKey;
import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.store.WriteTx;
import java.util.Map;

/**
 * IAM's side of Organizations' CreateAccount: the new account's root user and the access role that
 * lets the management account in. Runs inside Organizations' transaction so the account and its
 * membership commit together.
 */
public final class MemberAccounts {
  static final String ACCESS_ROLE_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

  private final IamEnv env;
  private final AccountRegistry accounts;
  private final RoleOperations roles;
  private final AttachmentOperations attachments;
  private final AccessKeyOperations accessKeys;

  MemberAccounts(IamEnv env, AccountRegistry accounts, RoleOperations roles, AttachmentOperations attachments,
      AccessKeyOperations accessKeys) {
    this.env = env;
    this.accounts = accounts;
    this.roles = roles;
    this.attachments = attachments;
    this.accessKeys = accessKeys;
  }

  /**
   * AWS gives an account it creates a random root password nobody knows (the owner must recover it
   * by email); with centralized root credentials management enabled in the organization the account
   * has no root credentials at all and recovery is off.
   *
   * @param roleName the access role, {@code OrganizationAccountAccessRole} unless the request named
   *     another; it trusts the management account's root (delegating to its IAM policies) and has
   *     AdministratorAccess
   */
  public Account provision(WriteTx tx, String accountId, String email, String name, String roleName,
      String managementAccountId, String organizationId) {
    Account account = rootUser(tx, accountId, email, name, organizationId);
    accessRole(tx, accountId, roleName, managementAccountId);
    return account;
  }

  /** The account and its root user, as CreateAccount leaves them (no access role yet). */
  Account rootUser(WriteTx tx, String accountId, String email, String name, String organizationId) {
    Account created = accounts.createAccount(tx, accountId, email, name, null);
    boolean managed = RootAccessFeatures.of(tx, organizationId).rootCredentialsManagement();
    Account account = managed ? created.withRootPassword(null, false) : created.withRootPassword(Passwords.UNKNOWN, true);
    tx.put(IamSchema.ACCOUNTS, accountId, account);
    return account;
  }

  private void accessRole(WriteTx tx, String accountId, String roleName, String managementAccountId) {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + IamArns.root(managementAccountId) + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    roles.insert(tx, new Role(accountId, roleName, env.ids().roleId(), "/", env.clock().instant(), trust, null,
        RoleOperations.DEFAULT_MAX_SESSION_DURATION, null, Map.of(), null, null));
    attachments.attach(tx, accountId, EntityKind.ROLE, roleName, ACCESS_ROLE_POLICY);
  }

  /**
   * Gives a member's root user a known console password and an access key, as an account that was
   * standalone before it was invited keeps them. For tests, the console and the CLI.
   */
  public AccessKey giveStandaloneRootCredentials(String accountId, String rootPassword) {
    accounts.setRootPassword(accountId, rootPassword);
    return accessKeys.importAccessKey(accountId, null, env.ids().accessKeyId(), env.ids().secretAccessKey());
  }
}
