package dev.billinggate.service.iam;

import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.store.WriteTx;
import java.util.Map;

/**
 * IAM's side of Organizations' CreateAccount: the new account with no root credentials (AWS creates
 * member accounts without a root password) and the access role that lets the management account in.
 * Runs inside Organizations' transaction so the account and its membership commit together.
 */
public final class MemberAccounts {
  static final String ACCESS_ROLE_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

  private final IamEnv env;
  private final AccountRegistry accounts;
  private final RoleOperations roles;
  private final AttachmentOperations attachments;

  MemberAccounts(IamEnv env, AccountRegistry accounts, RoleOperations roles, AttachmentOperations attachments) {
    this.env = env;
    this.accounts = accounts;
    this.roles = roles;
    this.attachments = attachments;
  }

  /**
   * @param roleName the access role, {@code OrganizationAccountAccessRole} unless the request named
   *     another; it trusts the management account's root (delegating to its IAM policies) and has
   *     AdministratorAccess
   */
  public Account provision(WriteTx tx, String accountId, String email, String name, String roleName,
      String managementAccountId) {
    Account account = accounts.createAccount(tx, accountId, email, name, null);
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + IamArns.root(managementAccountId) + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    roles.insert(tx, new Role(accountId, roleName, env.ids().roleId(), "/", env.clock().instant(), trust, null,
        RoleOperations.DEFAULT_MAX_SESSION_DURATION, null, Map.of(), null, null));
    attachments.attach(tx, accountId, EntityKind.ROLE, roleName, ACCESS_ROLE_POLICY);
    return account;
  }
}
