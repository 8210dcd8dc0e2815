package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.DELETE;
import static dev.billinggate.it.OrganizationRootAccess.assertDenied;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.junit5.OrganizationFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 lock-out and its repair, as a CCoE lives it: a member's administrator puts a bucket policy
 * that denies every principal and loses the bucket, even the right to fix the policy; a root session
 * for another task cannot touch it; an AssumeRoot session with S3UnlockBucketPolicy reads and deletes
 * the policy (and can do nothing else), and access returns.
 */
@BillingGateTest(snapshot = "locked-bucket")
class S3LockoutIntegrationTest {
  static final String UNLOCK_BUCKET = "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy";
  static final String DENY_ALL = """
      {"Version":"2012-10-17","Statement":[{"Sid":"LockOut","Effect":"Deny","Principal":"*",
       "Action":"s3:*","Resource":["arn:aws:s3:::ledger","arn:aws:s3:::ledger/*"]}]}""";

  static BillingGateHandle emulator;
  static OrganizationFixture org;
  static String member;
  static S3Client memberAdmin;

  @BeforeAll
  static void lockTheBucket() {
    org = emulator.organization();
    org.create();
    org.enableCentralizedRootAccess();
    member = org.createAccount("Ledgers", IAMUserAccessToBilling.ALLOW);
    memberAdmin = emulator.s3(org.assumeOrganizationAccountAccessRole(member));
    memberAdmin.createBucket(r -> r.bucket("ledger"));
    memberAdmin.putObject(r -> r.bucket("ledger").key("entries.csv"), RequestBody.fromString("before the lock-out"));
    memberAdmin.putBucketPolicy(r -> r.bucket("ledger").policy(DENY_ALL));
    emulator.saveSnapshot("locked-bucket");
  }

  @Test
  void theLockOutStopsTheAccountsAdministratorsEvenFromRepairingIt() {
    assertDenied(() -> memberAdmin.getObjectAsBytes(r -> r.bucket("ledger").key("entries.csv")));
    assertDenied(() -> memberAdmin.putObject(r -> r.bucket("ledger").key("new.csv"), RequestBody.fromString("x")));
    assertDenied(() -> memberAdmin.listObjectsV2(r -> r.bucket("ledger")));
    assertDenied(() -> memberAdmin.getBucketPolicy(r -> r.bucket("ledger")));
    assertDenied(() -> memberAdmin.putBucketPolicy(r -> r.bucket("ledger").policy(DENY_ALL.replace("Deny", "Allow"))));
    assertDenied(() -> memberAdmin.deleteBucketPolicy(r -> r.bucket("ledger")));
    assertDenied(() -> memberAdmin.deleteBucket(r -> r.bucket("ledger")));
  }

  @Test
  void onlyAnUnlockBucketRootSessionRepairsItAndAccessReturns() {
    S3Client wrongTask = emulator.s3(org.assumeRoot(ADMIN, member, DELETE));
    assertDenied(() -> wrongTask.getBucketPolicy(r -> r.bucket("ledger")));
    assertDenied(() -> wrongTask.deleteBucketPolicy(r -> r.bucket("ledger")));

    AwsCredentials unlock = org.assumeRoot(ADMIN, member, UNLOCK_BUCKET);
    S3Client root = emulator.s3(unlock);
    assertThat(root.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("ledger");
    assertThat(root.getBucketPolicy(r -> r.bucket("ledger")).policy()).contains("LockOut");
    assertDenied(() -> root.getObjectAsBytes(r -> r.bucket("ledger").key("entries.csv")));
    assertDenied(() -> root.listObjectsV2(r -> r.bucket("ledger")));
    assertDenied(() -> root.deleteBucket(r -> r.bucket("ledger")));
    root.deleteBucketPolicy(r -> r.bucket("ledger"));

    assertThat(memberAdmin.getObjectAsBytes(r -> r.bucket("ledger").key("entries.csv")).asUtf8String())
        .isEqualTo("before the lock-out");
  }

  @Test
  void theUnlockSessionMayAlsoReplaceThePolicyButSeesNoOtherBucketConfiguration() {
    S3Client root = emulator.s3(org.assumeRoot(ADMIN, member, UNLOCK_BUCKET));
    String readable = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject",
         "Resource":"arn:aws:s3:::ledger/*"}]}""";
    root.putBucketPolicy(r -> r.bucket("ledger").policy(readable));
    assertDenied(() -> root.getBucketEncryption(r -> r.bucket("ledger")));
    assertThat(memberAdmin.getObjectAsBytes(r -> r.bucket("ledger").key("entries.csv")).asUtf8String())
        .isEqualTo("before the lock-out");
    assertDenied(() -> memberAdmin.deleteObject(r -> r.bucket("ledger").key("entries.csv")));
  }
}
