package dev.billinggate.service.organizations;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.Optional;

/**
 * The port through which Organizations reaches the accounts IAM owns. The application implements it
 * over IAM. Calls receive Organizations' own transaction so that an account is created in IAM in the
 * same atomic, durable write that records it as a member.
 */
public interface AccountProvisioner {

  /** The existing account with this id, or empty when no such account exists. */
  Optional<ExistingAccount> find(ReadTx tx, String accountId);

  /** The id of the account registered with this email address (case-insensitive), if any. */
  Optional<String> accountIdByEmail(ReadTx tx, String email);

  /**
   * Creates the account: its root user, the role {@link NewMemberAccount#roleName()} with
   * {@code AdministratorAccess} trusting the management account, and its "IAM user and role access
   * to Billing information" switch.
   */
  void provision(WriteTx tx, NewMemberAccount account);

  /** An account as Organizations needs it when the account joins (email, name). */
  record ExistingAccount(String accountId, String email, String name) {}
}
