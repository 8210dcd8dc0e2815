package dev.billinggate.governance;

import dev.billinggate.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Whether a bucket policy locks out its own account: an administrator of the account is explicitly
 * denied {@code s3:PutBucketPolicy}, so only the root user (or an AssumeRoot session with
 * S3UnlockBucketPolicy) can replace or delete it. Which statements count is {@link PolicyLockouts}'s rule.
 */
final class BucketLockouts {
  private static final String REPAIR_ACTION = "s3:PutBucketPolicy";

  private BucketLockouts() {}

  /**
   * The {@link Check#BUCKET_LOCKOUTS} check of one account: its buckets (every Region; bucket names
   * are global), read in one AssumeRoot session with S3UnlockBucketPolicy (ListAllMyBuckets, GetBucketPolicy).
   */
  static Check check(AwsClients clients, String accountId, boolean active, OrgContext context) {
    if (!active) {
      return new Check(Check.BUCKET_LOCKOUTS, CheckStatus.NOT_APPLICABLE, "account not ACTIVE", "");
    }
    if (!context.centralizedRootAccess()) {
      return new Check(Check.BUCKET_LOCKOUTS, CheckStatus.UNKNOWN,
          "not checked: centralized root access (both features) is not usable", "Enable it, then audit again.");
    }
    try (S3Client s3 = clients.s3As(new RootSessions(clients).credentials(accountId, RootTask.UNLOCK_BUCKET))) {
      List<Bucket> buckets = s3.listBuckets().buckets();
      List<String> locked = new ArrayList<>();
      for (Bucket bucket : buckets) {
        String policy = policy(s3, bucket.name());
        if (policy != null && PolicyLockouts.locksOut(policy, "arn:aws:s3:::" + bucket.name(), accountId, REPAIR_ACTION)) {
          locked.add(bucket.name());
        }
      }
      if (locked.isEmpty()) {
        return new Check(Check.BUCKET_LOCKOUTS, CheckStatus.PASS,
            buckets.size() + " bucket(s), none locked by its policy", "");
      }
      return new Check(Check.BUCKET_LOCKOUTS, CheckStatus.FAIL, "bucket policy denies the account's administrators: "
          + String.join(", ", locked), locked.stream().map(bucket -> "billing-gate root unlock-bucket " + accountId + " "
              + bucket).collect(Collectors.joining("; ")));
    } catch (SdkException | PolicyException e) {
      return new Check(Check.BUCKET_LOCKOUTS, CheckStatus.ERROR, "bucket check failed: " + Errors.describe(e),
          "Check root sessions (RootSessions) and sts:AssumeRoot, then audit again.");
    }
  }

  /** The bucket's policy, {@code null} when it has none. */
  static String policy(S3Client s3, String bucket) {
    try {
      return s3.getBucketPolicy(r -> r.bucket(bucket)).policy();
    } catch (S3Exception e) {
      if ("NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
        return null;
      }
      throw e;
    }
  }
}
