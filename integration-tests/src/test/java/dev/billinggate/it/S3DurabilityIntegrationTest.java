package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Buckets, their policies and objects live in the store: durable across restarts, in snapshots, gone after a reset. */
class S3DurabilityIntegrationTest {
  static final String POLICY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject",
       "Resource":"arn:aws:s3:::kept/*"}]}""";

  @Test
  void bucketsPoliciesAndObjectsSurviveARestartAndFollowSnapshotsAndResets(@TempDir Path data) {
    try (BillingGateHandle first = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      S3Client s3 = first.s3(ADMIN);
      s3.createBucket(r -> r.bucket("kept"));
      s3.putBucketPolicy(r -> r.bucket("kept").policy(POLICY));
      s3.putObject(r -> r.bucket("kept").key("a.txt"), RequestBody.fromString("durable"));
    }
    try (BillingGateHandle second = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      S3Client s3 = second.s3(ADMIN);
      assertThat(s3.getObjectAsBytes(r -> r.bucket("kept").key("a.txt")).asUtf8String()).isEqualTo("durable");
      assertThat(s3.getBucketPolicy(r -> r.bucket("kept")).policy()).isEqualTo(POLICY);

      second.saveSnapshot("with-bucket");
      second.reset();
      assertThat(failure(() -> s3.headBucket(r -> r.bucket("kept"))).statusCode()).isEqualTo(404);
      second.restoreSnapshot("with-bucket");
      assertThat(s3.getObjectAsBytes(r -> r.bucket("kept").key("a.txt")).asUtf8String()).isEqualTo("durable");
    }
  }
}
