package dev.billinggate.console;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.service.CallContext;
import java.util.List;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/** S3 buckets, for the Delete S3 bucket policy page ({@code S3UnlockBucketPolicy}). */
final class BucketPolicies implements LockableResources {
  static final String PATH = "/iam/root-access/bucket-policy";

  private final ConsoleServices services;

  BucketPolicies(ConsoleServices services) {
    this.services = services;
  }

  @Override public String task() { return "S3UnlockBucketPolicy"; }
  @Override public String path() { return PATH; }
  @Override public String messages() { return "bucket"; }
  @Override public String field() { return "bucket"; }

  @Override
  public List<String> list(CallContext root) {
    return services.gateway().invoke(ServiceId.S3, ListBucketsRequest.builder().build(), root,
        ListBucketsResponse.class).buckets().stream().map(Bucket::name).toList();
  }

  @Override
  public String policy(CallContext root, String bucket) {
    try {
      return services.gateway().invoke(ServiceId.S3, GetBucketPolicyRequest.builder().bucket(bucket).build(), root,
          GetBucketPolicyResponse.class).policy();
    } catch (AwsException e) {
      if (e.code().code().equals("NoSuchBucketPolicy")) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public void deletePolicy(CallContext root, String bucket) {
    services.gateway().invoke(ServiceId.S3, DeleteBucketPolicyRequest.builder().bucket(bucket).build(), root,
        DeleteBucketPolicyResponse.class);
  }
}
