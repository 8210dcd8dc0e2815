package dev.billinggate.service.iam;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What STS needs of IAM's roles: the role an ARN names, to start a session of it, and recording that
 * it was assumed. Reads and writes run in the caller's transaction, so a session and the role's last
 * use are stored together.
 */
public interface IamRoles {
  /** The role {@code roleArn} names, path included (AWS matches the whole ARN); empty for anything else. */
  Optional<AssumableRole> find(ReadTx tx, String roleArn);

  /** Records the role's last use (GetRole's RoleLastUsed) at {@code at} in {@code region}. */
  void markUsed(WriteTx tx, AssumableRole role, Instant at, String region);

  /**
   * @param trustPolicy the role's trust policy document
   * @param maxSessionDuration the longest session, in seconds, the role allows
   */
  record AssumableRole(String accountId, String name, String id, String path, String trustPolicy,
      Map<String, String> tags, int maxSessionDuration) {

    public String arn() {
      return IamArns.role(accountId, path, name);
    }
  }

  /** Over IAM's tables. */
  IamRoles STORED = new StoredIamPorts();
}
