package dev.billinggate.governance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Repairs an S3 bucket whose policy locks everyone out: in one AssumeRoot session with
 * {@code S3UnlockBucketPolicy} it reads the bucket policy and deletes it. Each deletion is recorded
 * with the deleted policy under the state directory, so the change can be reviewed and undone.
 */
public final class BucketUnlock implements PolicyUnlock {
  private final S3Client s3;
  private final String accountId;
  private final String bucket;

  private BucketUnlock(S3Client s3, String accountId, String bucket) {
    this.s3 = s3;
    this.accountId = accountId;
    this.bucket = bucket;
  }

  /** Opens the root session in {@code accountId}. */
  public static BucketUnlock open(AwsClients clients, String accountId, String bucket) {
    return new BucketUnlock(clients.s3As(new RootSessions(clients).credentials(accountId, RootTask.UNLOCK_BUCKET)),
        accountId, bucket);
  }

  @Override
  public String resource() {
    return bucket;
  }

  @Override
  public Optional<String> policy() {
    return Optional.ofNullable(BucketLockouts.policy(s3, bucket));
  }

  @Override
  public Unlocked delete(String policy, String deletedBy, Path stateDir, Clock clock) {
    s3.deleteBucketPolicy(r -> r.bucket(bucket));
    Unlocked unlocked = new Unlocked(Unlocked.SCHEMA_VERSION, accountId, bucket, policy, deletedBy, clock.instant());
    UnlockRecords.append(stateDir, unlocked);
    return unlocked;
  }

  /**
   * One deleted bucket policy: what {@code root unlock-bucket --output json} prints and the state file keeps.
   *
   * @param deletedPolicy the policy as it was, to restore it if the deletion was a mistake
   */
  public record Unlocked(int schemaVersion, String accountId, String bucket, String deletedPolicy, String deletedBy,
      Instant deletedAt) {
    static final int SCHEMA_VERSION = 1;
  }

  @Override
  public void close() {
    s3.close();
  }
}
