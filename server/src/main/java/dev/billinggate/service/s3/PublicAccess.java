package dev.billinggate.service.s3;

import dev.billinggate.service.s3.S3Records.StoredBucket;
import dev.billinggate.service.s3.S3Records.StoredPublicAccessBlock;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3 Block Public Access of a bucket: {@code BlockPublicPolicy} refuses a public bucket policy,
 * {@code RestrictPublicBuckets} keeps a public policy from granting anything to principals outside the
 * bucket owner's account. The ACL switches are kept and returned; billing-gate has no ACLs for them to
 * act on. The account-level setting (the s3control API) is not emulated.
 */
final class PublicAccess {
  private PublicAccess() {}

  static boolean blocksPublicPolicy(StoredBucket bucket) {
    return bucket.publicAccessBlock() != null && bucket.publicAccessBlock().blockPublicPolicy();
  }

  static boolean restrictsPublicBuckets(StoredBucket bucket) {
    return bucket.publicAccessBlock() != null && bucket.publicAccessBlock().restrictPublicBuckets();
  }

  static StoredPublicAccessBlock stored(PublicAccessBlockConfiguration c) {
    return new StoredPublicAccessBlock(Boolean.TRUE.equals(c.blockPublicAcls()), Boolean.TRUE.equals(c.ignorePublicAcls()),
        Boolean.TRUE.equals(c.blockPublicPolicy()), Boolean.TRUE.equals(c.restrictPublicBuckets()));
  }

  static PublicAccessBlockConfiguration configuration(StoredPublicAccessBlock block) {
    return PublicAccessBlockConfiguration.builder().blockPublicAcls(block.blockPublicAcls())
        .ignorePublicAcls(block.ignorePublicAcls()).blockPublicPolicy(block.blockPublicPolicy())
        .restrictPublicBuckets(block.restrictPublicBuckets()).build();
  }
}
