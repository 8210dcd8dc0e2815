package dev.billinggate.service.s3;

import dev.billinggate.service.s3.S3Records.StoredBucket;
import dev.billinggate.store.ReadTx;
import java.util.function.Predicate;
import dev.billinggate.service.s3.S3Records.StoredPublicAccessBlock;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3 Block Public Access of a bucket: {@code BlockPublicPolicy} refuses a public bucket policy,
 * {@code RestrictPublicBuckets} keeps a public policy from granting anything to principals outside the
 * bucket owner's account. A switch is on for a bucket when its own setting or its owner account's
 * (S3 Control) turns it on. The ACL switches are kept and returned; billing-gate has no ACLs for them
 * to act on.
 */
final class PublicAccess {
  private PublicAccess() {}

  static boolean blocksPublicPolicy(ReadTx tx, StoredBucket bucket) {
    return effective(tx, bucket, StoredPublicAccessBlock::blockPublicPolicy);
  }

  static boolean restrictsPublicBuckets(ReadTx tx, StoredBucket bucket) {
    return effective(tx, bucket, StoredPublicAccessBlock::restrictPublicBuckets);
  }

  /** The switch as it applies to the bucket: on at the bucket level or at its owner account's. */
  private static boolean effective(ReadTx tx, StoredBucket bucket, Predicate<StoredPublicAccessBlock> on) {
    return bucket.publicAccessBlock() != null && on.test(bucket.publicAccessBlock())
        || tx.get(S3Records.ACCOUNT_PUBLIC_ACCESS_BLOCKS, bucket.accountId()).filter(on).isPresent();
  }

  static StoredPublicAccessBlock stored(PublicAccessBlockConfiguration c) {
    return stored(c.blockPublicAcls(), c.ignorePublicAcls(), c.blockPublicPolicy(), c.restrictPublicBuckets());
  }

  /** The switches as a bucket's or an account's configuration sends them: an absent one is off. */
  static StoredPublicAccessBlock stored(Boolean blockPublicAcls, Boolean ignorePublicAcls, Boolean blockPublicPolicy,
      Boolean restrictPublicBuckets) {
    return new StoredPublicAccessBlock(Boolean.TRUE.equals(blockPublicAcls), Boolean.TRUE.equals(ignorePublicAcls),
        Boolean.TRUE.equals(blockPublicPolicy), Boolean.TRUE.equals(restrictPublicBuckets));
  }

  static PublicAccessBlockConfiguration configuration(StoredPublicAccessBlock block) {
    return PublicAccessBlockConfiguration.builder().blockPublicAcls(block.blockPublicAcls())
        .ignorePublicAcls(block.ignorePublicAcls()).blockPublicPolicy(block.blockPublicPolicy())
        .restrictPublicBuckets(block.restrictPublicBuckets()).build();
  }
}
