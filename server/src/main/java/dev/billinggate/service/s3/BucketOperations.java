package dev.billinggate.service.s3;

import static dev.billinggate.service.s3.S3Records.BUCKETS;
import static dev.billinggate.service.s3.S3Records.OBJECTS;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.s3.S3Records.StoredBucket;
import dev.billinggate.service.s3.S3Records.StoredEncryption;
import dev.billinggate.service.s3.S3Records.StoredPublicAccessBlock;
import dev.billinggate.store.Store;
import dev.billinggate.store.WriteTx;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.*;

/** Buckets and their configuration: create, find, list, delete, location, policy, encryption, Block Public Access. */
final class BucketOperations {
  static final String GLOBAL_REGION = "us-east-1";
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z]+)+-\\d+");
  private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

  private final Store store;

  BucketOperations(Store store) {
    this.store = store;
  }

  CreateBucketResponse createBucket(CreateBucketRequest r, CallContext ctx) {
    String name = r.bucket();
    BucketNames.requireValid(name);
    String region = region(r, ctx.region());
    String account = ctx.caller().accountId();
    store.write(tx -> {
      var existing = tx.get(BUCKETS, name);
      if (existing.isPresent()) {
        if (!existing.get().accountId().equals(account)) {
          throw S3Error.BUCKET_ALREADY_EXISTS.error("The requested bucket name is not available. The bucket namespace "
              + "is shared by all users of the system. Please select a different name and try again.", "BucketName", name);
        }
        // us-east-1 answers a repeated create by the owner with success, every other Region with an error.
        if (!existing.get().region().equals(GLOBAL_REGION)) {
          throw S3Error.BUCKET_ALREADY_OWNED_BY_YOU.error(
              "Your previous request to create the named bucket succeeded and you already own it.", "BucketName", name);
        }
        return null;
      }
      tx.put(BUCKETS, name, new StoredBucket(name, account, region, ctx.now(), null, null, null));
      return null;
    });
    return CreateBucketResponse.builder().location("/" + name).bucketArn(S3Service.bucketArn(name)).build();
  }

  /** The bucket's Region: the location constraint, which must fit the endpoint the request was signed for. */
  private static String region(CreateBucketRequest r, String requestRegion) {
    String constraint = r.createBucketConfiguration() == null ? null
        : r.createBucketConfiguration().locationConstraintAsString();
    if (constraint == null || constraint.isEmpty()) {
      if (!requestRegion.equals(GLOBAL_REGION)) {
        throw S3Error.ILLEGAL_LOCATION_CONSTRAINT.exception(
            "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.");
      }
      return GLOBAL_REGION;
    }
    String region = constraint.equals("EU") ? "eu-west-1" : constraint;
    if (!REGION.matcher(region).matches() || region.equals(GLOBAL_REGION)) {
      throw S3Error.INVALID_LOCATION_CONSTRAINT.error("The specified location-constraint is not valid",
          "LocationConstraint", constraint);
    }
    if (!requestRegion.equals(GLOBAL_REGION) && !requestRegion.equals(region)) {
      throw S3Error.ILLEGAL_LOCATION_CONSTRAINT.exception(
          "The %s location constraint is incompatible for the region specific endpoint this request was sent to.",
          constraint);
    }
    return region;
  }

  HeadBucketResponse headBucket(HeadBucketRequest r, CallContext ctx) {
    StoredBucket bucket = bucket(r.bucket());
    return HeadBucketResponse.builder().bucketRegion(bucket.region()).build();
  }

  ListBucketsResponse listBuckets(ListBucketsRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    List<Bucket> buckets = store.read(tx -> tx.scan(BUCKETS, "", null, Integer.MAX_VALUE)).stream()
        .map(e -> e.value())
        .filter(b -> b.accountId().equals(account))
        .filter(b -> r.prefix() == null || b.name().startsWith(r.prefix()))
        .filter(b -> r.bucketRegion() == null || b.region().equals(r.bucketRegion()))
        .sorted(Comparator.comparing(StoredBucket::name))
        .map(b -> Bucket.builder().name(b.name()).creationDate(b.createdAt()).bucketRegion(b.region())
            .bucketArn(S3Service.bucketArn(b.name())).build())
        .toList();
    return ListBucketsResponse.builder().buckets(buckets).owner(S3Service.owner(account)).prefix(r.prefix()).build();
  }

  DeleteBucketResponse deleteBucket(DeleteBucketRequest r, CallContext ctx) {
    store.write(tx -> {
      requireBucket(tx, r.bucket());
      if (tx.count(OBJECTS, S3Records.objectKey(r.bucket(), "")) > 0) {
        throw S3Error.BUCKET_NOT_EMPTY.error("The bucket you tried to delete is not empty", "BucketName", r.bucket());
      }
      tx.delete(BUCKETS, r.bucket());
      return null;
    });
    return DeleteBucketResponse.builder().build();
  }

  GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest r, CallContext ctx) {
    String region = bucket(r.bucket()).region();
    // us-east-1 buckets have no location constraint: AWS answers an empty element.
    return GetBucketLocationResponse.builder().locationConstraint(region.equals(GLOBAL_REGION) ? null : region).build();
  }

  PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest r, CallContext ctx) {
    BucketPolicies.requireValid(r.bucket(), r.policy());
    store.write(tx -> {
      StoredBucket bucket = ownersOnly(requireBucket(tx, r.bucket()), ctx);
      if (BucketPolicies.isPublic(r.policy()) && PublicAccess.blocksPublicPolicy(tx, bucket)) {
        throw S3Error.ACCESS_DENIED.exception("User: %s is not authorized to perform: s3:PutBucketPolicy on resource: "
            + "\"%s\" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.",
            ctx.caller().arn(), S3Service.bucketArn(r.bucket()));
      }
      tx.put(BUCKETS, r.bucket(), bucket.withPolicy(r.policy()));
      return null;
    });
    return PutBucketPolicyResponse.builder().build();
  }

  GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest r, CallContext ctx) {
    String policy = ownersOnly(bucket(r.bucket()), ctx).policy();
    if (policy == null) {
      throw S3Error.NO_SUCH_BUCKET_POLICY.error("The bucket policy does not exist", "BucketName", r.bucket());
    }
    return GetBucketPolicyResponse.builder().policy(policy).build();
  }

  DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest r, CallContext ctx) {
    update(r.bucket(), bucket -> ownersOnly(bucket, ctx).withPolicy(null));
    return DeleteBucketPolicyResponse.builder().build();
  }

  /**
   * The bucket-policy operations serve only identities of the bucket owner's account: one the
   * policies allowed from elsewhere (another account, the anonymous principal) gets 405, as the API
   * reference says for Get/Put/DeleteBucketPolicy.
   */
  private static StoredBucket ownersOnly(StoredBucket bucket, CallContext ctx) {
    if (!bucket.accountId().equals(ctx.caller().accountId())) {
      throw S3Error.METHOD_NOT_ALLOWED.exception("The specified method is not allowed against this resource.");
    }
    return bucket;
  }

  PutBucketEncryptionResponse putBucketEncryption(PutBucketEncryptionRequest r, CallContext ctx) {
    List<ServerSideEncryptionRule> rules = r.serverSideEncryptionConfiguration().rules();
    if (rules.size() != 1 || rules.get(0).applyServerSideEncryptionByDefault() == null) {
      throw S3Error.MALFORMED_XML.exception(
          "The XML you provided was not well-formed or did not validate against our published schema");
    }
    ServerSideEncryptionRule rule = rules.get(0);
    ServerSideEncryptionByDefault byDefault = rule.applyServerSideEncryptionByDefault();
    String algorithm = byDefault.sseAlgorithmAsString();
    if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
      throw S3Error.MALFORMED_XML.exception(
          "The XML you provided was not well-formed or did not validate against our published schema");
    }
    if (byDefault.kmsMasterKeyID() != null && algorithm.equals("AES256")) {
      throw S3Error.INVALID_ARGUMENT.error("a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse",
          "ArgumentName", "ApplyServerSideEncryptionByDefault");
    }
    StoredEncryption encryption = new StoredEncryption(algorithm, byDefault.kmsMasterKeyID(), rule.bucketKeyEnabled());
    update(r.bucket(), bucket -> bucket.withEncryption(encryption));
    return PutBucketEncryptionResponse.builder().build();
  }

  /** Every bucket is encrypted: without a rule of its own, with SSE-S3 (AES256), as AWS does since January 2023. */
  GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest r, CallContext ctx) {
    StoredEncryption encryption = encryption(bucket(r.bucket()));
    ServerSideEncryptionRule rule = ServerSideEncryptionRule.builder()
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(encryption.algorithm()).kmsMasterKeyID(encryption.kmsKeyId()))
        .bucketKeyEnabled(encryption.bucketKeyEnabled() != null ? encryption.bucketKeyEnabled() : Boolean.FALSE)
        .build();
    return GetBucketEncryptionResponse.builder()
        .serverSideEncryptionConfiguration(c -> c.rules(rule)).build();
  }

  DeleteBucketEncryptionResponse deleteBucketEncryption(DeleteBucketEncryptionRequest r, CallContext ctx) {
    update(r.bucket(), bucket -> bucket.withEncryption(null));
    return DeleteBucketEncryptionResponse.builder().build();
  }

  static StoredEncryption encryption(StoredBucket bucket) {
    return bucket.encryption() != null ? bucket.encryption() : new StoredEncryption("AES256", null, false);
  }

  PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest r, CallContext ctx) {
    PublicAccessBlockConfiguration c = r.publicAccessBlockConfiguration();
    StoredPublicAccessBlock block = PublicAccess.stored(c);
    update(r.bucket(), bucket -> bucket.withPublicAccessBlock(block));
    return PutPublicAccessBlockResponse.builder().build();
  }

  GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest r, CallContext ctx) {
    StoredPublicAccessBlock block = bucket(r.bucket()).publicAccessBlock();
    if (block == null) {
      throw S3Error.NO_SUCH_PUBLIC_ACCESS_BLOCK.error("The public access block configuration was not found",
          "BucketName", r.bucket());
    }
    return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(PublicAccess.configuration(block)).build();
  }

  DeletePublicAccessBlockResponse deletePublicAccessBlock(DeletePublicAccessBlockRequest r, CallContext ctx) {
    update(r.bucket(), bucket -> bucket.withPublicAccessBlock(null));
    return DeletePublicAccessBlockResponse.builder().build();
  }

  GetBucketPolicyStatusResponse getBucketPolicyStatus(GetBucketPolicyStatusRequest r, CallContext ctx) {
    String policy = ownersOnly(bucket(r.bucket()), ctx).policy();
    if (policy == null) {
      throw S3Error.NO_SUCH_BUCKET_POLICY.error("The bucket policy does not exist", "BucketName", r.bucket());
    }
    return GetBucketPolicyStatusResponse.builder().policyStatus(s -> s.isPublic(BucketPolicies.isPublic(policy))).build();
  }

  StoredBucket bucket(String name) {
    return store.read(tx -> tx.get(BUCKETS, name)).orElseThrow(() -> S3Error.noSuchBucket(name));
  }

  private void update(String name, UnaryOperator<StoredBucket> change) {
    store.write(tx -> {
      tx.put(BUCKETS, name, change.apply(requireBucket(tx, name)));
      return null;
    });
  }

  static StoredBucket requireBucket(WriteTx tx, String name) {
    return tx.get(BUCKETS, name).orElseThrow(() -> S3Error.noSuchBucket(name));
  }
}
