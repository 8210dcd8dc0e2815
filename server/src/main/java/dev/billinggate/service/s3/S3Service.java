package dev.billinggate.service.s3;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.core.ServiceId;
import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.service.s3.S3Records.StoredBucket;
import dev.billinggate.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.*;

/**
 * Amazon S3 (restXml): buckets with their policy, default encryption and Block Public Access, and
 * objects. The bucket policy is a resource policy the authorizer enforces on every request, so a
 * policy that denies everyone stops the account's administrators too; the bucket owner's root user
 * (with root credentials deleted, an AssumeRoot session with {@code S3UnlockBucketPolicy}) can still
 * read, replace and delete it, as AWS documents for the three bucket-policy operations.
 */
public final class S3Service implements ServiceHandler {
  /** What the bucket owner's root user may do despite the bucket policy; SCPs and RCPs still apply. */
  private static final Set<String> ROOT_POLICY_ACTIONS =
      Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

  private final Store store;
  private final BucketOperations buckets;
  private final ObjectOperations objects;

  public S3Service(Store store) {
    this.store = store;
    this.buckets = new BucketOperations(store);
    this.objects = new ObjectOperations(store, buckets);
  }

  @Override
  public ServiceId service() {
    return ServiceId.S3;
  }

  @Override
  public void register(OperationTable t) {
    t.on(CreateBucketRequest.class, (r, ctx) -> AccessTarget.of("s3:CreateBucket", bucketArn(r.bucket()))
        .withContext(locationConstraint(r)), buckets::createBucket);
    t.on(ListBucketsRequest.class, (r, ctx) -> AccessTarget.of("s3:ListAllMyBuckets", "*"), buckets::listBuckets);
    t.on(HeadBucketRequest.class, bucket("s3:ListBucket", HeadBucketRequest::bucket), buckets::headBucket);
    t.on(DeleteBucketRequest.class, bucket("s3:DeleteBucket", DeleteBucketRequest::bucket), buckets::deleteBucket);
    t.on(GetBucketLocationRequest.class, bucket("s3:GetBucketLocation", GetBucketLocationRequest::bucket),
        buckets::getBucketLocation);
    t.on(PutBucketPolicyRequest.class, bucket("s3:PutBucketPolicy", PutBucketPolicyRequest::bucket),
        buckets::putBucketPolicy);
    t.on(GetBucketPolicyRequest.class, bucket("s3:GetBucketPolicy", GetBucketPolicyRequest::bucket),
        buckets::getBucketPolicy);
    t.on(DeleteBucketPolicyRequest.class, bucket("s3:DeleteBucketPolicy", DeleteBucketPolicyRequest::bucket),
        buckets::deleteBucketPolicy);
    t.on(GetBucketPolicyStatusRequest.class, bucket("s3:GetBucketPolicyStatus", GetBucketPolicyStatusRequest::bucket),
        buckets::getBucketPolicyStatus);
    t.on(PutBucketEncryptionRequest.class, bucket("s3:PutEncryptionConfiguration", PutBucketEncryptionRequest::bucket),
        buckets::putBucketEncryption);
    t.on(GetBucketEncryptionRequest.class, bucket("s3:GetEncryptionConfiguration", GetBucketEncryptionRequest::bucket),
        buckets::getBucketEncryption);
    t.on(DeleteBucketEncryptionRequest.class,
        bucket("s3:PutEncryptionConfiguration", DeleteBucketEncryptionRequest::bucket), buckets::deleteBucketEncryption);
    t.on(PutPublicAccessBlockRequest.class,
        bucket("s3:PutBucketPublicAccessBlock", PutPublicAccessBlockRequest::bucket), buckets::putPublicAccessBlock);
    t.on(GetPublicAccessBlockRequest.class,
        bucket("s3:GetBucketPublicAccessBlock", GetPublicAccessBlockRequest::bucket), buckets::getPublicAccessBlock);
    t.on(DeletePublicAccessBlockRequest.class,
        bucket("s3:PutBucketPublicAccessBlock", DeletePublicAccessBlockRequest::bucket), buckets::deletePublicAccessBlock);
    t.on(ListObjectsV2Request.class, (r, ctx) -> target("s3:ListBucket", r.bucket(), null, ctx.caller())
        .withContext(listKeys(r)), objects::listObjectsV2);
    t.onStreaming(PutObjectRequest.class, (r, ctx) -> target("s3:PutObject", r.bucket(), r.key(), ctx.caller())
        .withContext(encryptionKey(r.serverSideEncryptionAsString())), objects::putObject);
    t.onStreaming(GetObjectRequest.class, (r, ctx) -> readTarget(r.bucket(), r.key(), ctx.caller()),
        objects::getObject);
    t.on(HeadObjectRequest.class, (r, ctx) -> readTarget(r.bucket(), r.key(), ctx.caller()), objects::headObject);
    t.on(DeleteObjectRequest.class, (r, ctx) -> target("s3:DeleteObject", r.bucket(), r.key(), ctx.caller()),
        objects::deleteObject);
    t.on(CopyObjectRequest.class, this::copyTarget, objects::copyObject);
  }

  /** CopyObject writes the destination and reads the source: both must be allowed. */
  private AccessTarget copyTarget(CopyObjectRequest r, CallContext ctx) {
    String[] source = ObjectOperations.copySource(r.copySource());
    Map<String, List<String>> keys = new LinkedHashMap<>(encryptionKey(r.serverSideEncryptionAsString()));
    keys.put("s3:x-amz-copy-source", List.of(r.copySource()));
    keys.put("s3:x-amz-metadata-directive", List.of(r.metadataDirectiveAsString() == null ? "COPY"
        : r.metadataDirectiveAsString()));
    return target("s3:PutObject", r.destinationBucket(), r.destinationKey(), ctx.caller()).withContext(keys)
        .requiring(target("s3:GetObject", source[0], source[1], ctx.caller()));
  }

  /**
   * Reading a key that does not exist needs {@code s3:ListBucket} as well: without it S3 answers 403
   * rather than tell the caller the key is missing (API reference, GetObject and HeadObject).
   */
  private AccessTarget readTarget(String bucketName, String key, Caller caller) {
    AccessTarget read = target("s3:GetObject", bucketName, key, caller);
    boolean missing = store.read(tx -> tx.get(S3Records.OBJECTS, S3Records.objectKey(bucketName, key)).isEmpty());
    return missing ? read.requiring(target("s3:ListBucket", bucketName, null, caller)) : read;
  }

  private <I> AccessRule<I> bucket(String action, Function<I, String> bucket) {
    return (r, ctx) -> target(action, bucket.apply(r), null, ctx.caller());
  }

  /**
   * The bucket (or an object in it) as a resource: its ARN, owner and policy. Without the bucket the
   * operation answers NoSuchBucket once the caller's own policies allow the call; the anonymous
   * caller, which has no policies of its own, gets NoSuchBucket at once.
   */
  private AccessTarget target(String action, String bucketName, String key, Caller caller) {
    String arn = key == null ? bucketArn(bucketName) : bucketArn(bucketName) + "/" + key;
    return store.read(tx -> {
      StoredBucket bucket = tx.get(S3Records.BUCKETS, bucketName).orElse(null);
      if (bucket == null && caller.isAnonymous()) {
        // Bucket names are public: S3 tells anyone, unsigned callers too, that one does not exist.
        throw S3Error.noSuchBucket(bucketName);
      }
      if (bucket == null) {
        return AccessTarget.of(action, arn);
      }
      String policy = bucket.policy();
      if (ROOT_POLICY_ACTIONS.contains(action) && ownerRoot(caller, bucket.accountId())) {
        policy = null;
      } else if (policy != null && !bucket.accountId().equals(caller.accountId())
          && PublicAccess.restrictsPublicBuckets(tx, bucket) && BucketPolicies.isPublic(policy)) {
        policy = null; // RestrictPublicBuckets: a public policy grants nothing outside the owner's account
      }
      return AccessTarget.of(action, arn).withResourcePolicy(bucket.accountId(), policy);
    });
  }

  private static boolean ownerRoot(Caller caller, String owner) {
    return (caller.type() == CallerType.ROOT || caller.type() == CallerType.ASSUMED_ROOT)
        && caller.accountId().equals(owner);
  }

  private static Map<String, List<String>> locationConstraint(CreateBucketRequest r) {
    String constraint = r.createBucketConfiguration() == null ? null
        : r.createBucketConfiguration().locationConstraintAsString();
    return constraint == null ? Map.of() : Map.of("s3:LocationConstraint", List.of(constraint));
  }

  private static Map<String, List<String>> listKeys(ListObjectsV2Request r) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    // s3:prefix is present (empty) even when the request names no prefix, as AWS evaluates it.
    keys.put("s3:prefix", List.of(r.prefix() == null ? "" : r.prefix()));
    if (r.delimiter() != null) {
      keys.put("s3:delimiter", List.of(r.delimiter()));
    }
    if (r.maxKeys() != null) {
      keys.put("s3:max-keys", List.of(Integer.toString(r.maxKeys())));
    }
    return keys;
  }

  private static Map<String, List<String>> encryptionKey(String serverSideEncryption) {
    return serverSideEncryption == null ? Map.of()
        : Map.of("s3:x-amz-server-side-encryption", List.of(serverSideEncryption));
  }

  static String bucketArn(String bucket) {
    return "arn:aws:s3:::" + bucket;
  }

  /** The account's S3 owner: its canonical user id (64 hex digits, derived from the account id) and name. */
  static Owner owner(String accountId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
      return Owner.builder().id(HexFormat.of().formatHex(digest)).displayName(accountId).build();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
