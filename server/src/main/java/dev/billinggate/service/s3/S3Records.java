package dev.billinggate.service.s3;

import dev.billinggate.store.Table;
import java.time.Instant;
import java.util.Map;

/**
 * What S3 stores. Bucket names are one namespace for every account (a partition's buckets share it),
 * so a bucket's key is its name alone, not the owner's account id; an object's key is
 * {@code <bucket>/<object key>}, so that one prefix scan lists a bucket's objects in key order.
 */
final class S3Records {
  private S3Records() {}

  /**
   * @param policy the bucket policy JSON as put, {@code null} when none
   * @param encryption the default encryption rule, {@code null} for S3's own default (SSE-S3)
   * @param publicAccessBlock the bucket's Block Public Access settings, {@code null} when none are set
   */
  record StoredBucket(String name, String accountId, String region, Instant createdAt, String policy,
      StoredEncryption encryption, StoredPublicAccessBlock publicAccessBlock) {

    StoredBucket withPolicy(String updated) {
      return new StoredBucket(name, accountId, region, createdAt, updated, encryption, publicAccessBlock);
    }

    StoredBucket withEncryption(StoredEncryption updated) {
      return new StoredBucket(name, accountId, region, createdAt, policy, updated, publicAccessBlock);
    }

    StoredBucket withPublicAccessBlock(StoredPublicAccessBlock updated) {
      return new StoredBucket(name, accountId, region, createdAt, policy, encryption, updated);
    }
  }

  /** A default encryption rule: {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}, with its key. */
  record StoredEncryption(String algorithm, String kmsKeyId, Boolean bucketKeyEnabled) {}

  /** The four Block Public Access switches of a bucket or (S3 Control) of an account. */
  record StoredPublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
      boolean restrictPublicBuckets) {}

  /**
   * @param data the object's bytes, base64-encoded
   * @param checksums the checksums sent with the upload by algorithm ({@code CRC32} → base64 value)
   */
  record StoredObject(String bucket, String key, String data, long size, String etag, Instant lastModified,
      String contentType, Map<String, String> metadata, Map<String, String> checksums,
      String serverSideEncryption) {}

  static String objectKey(String bucket, String key) {
    return bucket + "/" + key;
  }

  static final Table<StoredBucket> BUCKETS = Table.of("s3.bucket", StoredBucket.class);
  static final Table<StoredObject> OBJECTS = Table.of("s3.object", StoredObject.class);
  /** An account's Block Public Access settings, keyed by account id. */
  static final Table<StoredPublicAccessBlock> ACCOUNT_PUBLIC_ACCESS_BLOCKS =
      Table.of("s3.account_public_access_block", StoredPublicAccessBlock.class);
}
