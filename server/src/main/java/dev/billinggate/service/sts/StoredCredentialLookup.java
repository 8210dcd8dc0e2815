package dev.billinggate.service.sts;

import dev.billinggate.auth.CredentialLookup;
import dev.billinggate.core.Partition;
import dev.billinggate.service.iam.IamCredentials;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import java.util.Optional;

/**
 * Finds the secret and principal behind any access key id: IAM user and root keys ({@code AKIA})
 * through IAM's key index, STS sessions ({@code ASIA}) by id. Two point reads, no scans. Expired
 * sessions are still returned with their expiry so SigV4 can answer ExpiredToken.
 */
public final class StoredCredentialLookup implements CredentialLookup {
  private final Store store;

  public StoredCredentialLookup(Store store) {
    this.store = store;
  }

  @Override
  public Optional<Credential> find(String accessKeyId) {
    return store.read(tx -> accessKeyId.startsWith("ASIA") ? session(tx, accessKeyId) : longTerm(tx, accessKeyId));
  }

  private static Optional<Credential> session(ReadTx tx, String accessKeyId) {
    // Temporary credentials work only in the partition whose STS issued them, as in AWS.
    return tx.get(StsSchema.SESSIONS, accessKeyId)
        .filter(s -> Partition.current().equals(Partition.of(s.toCaller().arn())))
        .map(s -> new Credential(s.secretAccessKey(), s.sessionToken(), s.expiresAt(), true, s.toCaller()));
  }

  private static Optional<Credential> longTerm(ReadTx tx, String accessKeyId) {
    return IamCredentials.STORED.accessKey(tx, accessKeyId);
  }
}
