package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.service.CallContext;
import dev.billinggate.store.ReadTx;

/**
 * Whose long-term credentials (access keys, signing certificates): an IAM user, or the root user
 * when {@code userName} is {@code null}.
 */
record CredentialOwner(String accountId, String userName) {

  /** From an optional UserName: the root user for root callers and AssumeRoot sessions, else the user. */
  static CredentialOwner of(String userName, CallContext context) {
    String account = context.caller().accountId();
    return IamLookups.targetsRoot(userName, context) ? new CredentialOwner(account, null)
        : new CredentialOwner(account, IamLookups.targetUser(userName, context));
  }

  String userKey() {
    return userName == null ? IamSchema.ROOT_USER : userName;
  }

  String keyOf(String credentialId) {
    return key(accountId, userKey(), credentialId);
  }

  /** Checks the user exists and takes its stored spelling. */
  CredentialOwner resolve(ReadTx tx, IamLookups lookups) {
    return userName == null ? this : new CredentialOwner(accountId, lookups.user(tx, accountId, userName).name());
  }
}
