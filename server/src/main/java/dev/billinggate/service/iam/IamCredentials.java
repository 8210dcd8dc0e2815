package dev.billinggate.service.iam;

import dev.billinggate.auth.CredentialLookup.Credential;
import dev.billinggate.store.ReadTx;
import java.time.Instant;
import java.util.Optional;

/** What STS and the console need of IAM's long-term credentials: access keys and MFA devices. */
public interface IamCredentials {
  /** The user key of the root user's MFA devices. */
  String ROOT_USER = IamSchema.ROOT_USER;

  /**
   * The credential behind an IAM user's or the root user's access key id: its secret, whether it is
   * active, and the principal it signs as; empty when the key or its user does not exist.
   */
  Optional<Credential> accessKey(ReadTx tx, String accessKeyId);

  /** The account owning a long-term access key id, whether or not its user still exists. */
  Optional<String> accessKeyAccount(ReadTx tx, String accessKeyId);

  /** The serial number of the principal's first enabled MFA device ({@code userKey} is a user name or {@link #ROOT_USER}). */
  Optional<String> enabledMfaDevice(ReadTx tx, String accountId, String userKey);

  /**
   * Whether {@code code} is a current TOTP code, within {@code window} steps of drift, of the
   * principal's enabled device {@code serialNumber}.
   */
  boolean mfaCodeMatches(ReadTx tx, String accountId, String userKey, String serialNumber, String code, Instant now,
      int window);

  /** Whether the root user has an MFA device assigned. */
  boolean rootHasMfaDevice(ReadTx tx, String accountId);

  /** Over IAM's tables. */
  IamCredentials STORED = new StoredIamPorts();
}
