package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 through the SDK for Java v2 with its defaults (CRC32 trailing checksums in aws-chunked bodies,
 * response checksum validation, URL-encoded listings): buckets, objects, both addressing styles.
 */
@BillingGateTest
class S3IntegrationTest {
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static BillingGateHandle emulator;
  static S3Client s3;

  @BeforeAll
  static void start() {
    s3 = emulator.s3(ADMIN);
  }

  @Test
  void bucketsAreCreatedListedLocatedAndDeleted() {
    s3.createBucket(r -> r.bucket("invoices"));
    assertThat(s3.headBucket(r -> r.bucket("invoices")).bucketRegion()).isEqualTo("us-east-1");
    // us-east-1 buckets have no constraint: an empty element, which the SDK reads as "".
    assertThat(s3.getBucketLocation(r -> r.bucket("invoices")).locationConstraintAsString()).isEmpty();
    S3Client ireland = emulator.configure(S3Client.builder(), ADMIN).region(Region.EU_WEST_1).build();
    ireland.createBucket(r -> r.bucket("invoices-eu")
        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
    assertThat(s3.getBucketLocation(r -> r.bucket("invoices-eu")).locationConstraint())
        .isEqualTo(BucketLocationConstraint.EU_WEST_1);
    assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("invoices", "invoices-eu");

    s3.deleteBucket(r -> r.bucket("invoices"));
    assertThat(failure(() -> s3.headBucket(r -> r.bucket("invoices")))).isInstanceOf(NoSuchBucketException.class);
    AwsServiceException missing = failure(() -> s3.getBucketLocation(r -> r.bucket("invoices")));
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
    assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void bucketNamesFollowAwsRulesAndTheNamespaceIsShared() {
    // The SDK refuses most bad names itself; sent anyway, the server answers as AWS does.
    SignedHttp http = new SignedHttp(emulator.endpoint());
    for (String bad : new String[] {"ab", "Has-Upper", "double..dot", "192.168.1.1", "-leading", "xn--punycode",
        "bucket-s3alias", "under_score", "a".repeat(64)}) {
      SignedHttp.Reply reply = http.send("PUT", "/" + bad, Map.of("x-amz-content-sha256", EMPTY_SHA256), "", "s3",
          ADMIN, Clock.systemUTC());
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.body()).as(bad).contains("<Code>InvalidBucketName</Code>", "<BucketName>" + bad + "</BucketName>",
          "<Message>The specified bucket is not valid.</Message>", "<RequestId>");
    }
    AwsServiceException sdkSent = failure(() -> s3.createBucket(r -> r.bucket("xn--punycode")));
    assertThat(sdkSent.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName");
    s3.createBucket(r -> r.bucket("shared-name"));
    s3.createBucket(r -> r.bucket("shared-name")); // us-east-1 answers the owner's repeat with success
    S3Client ireland = emulator.configure(S3Client.builder(), ADMIN).region(Region.EU_WEST_1).build();
    ireland.createBucket(r -> r.bucket("mine-eu").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
    AwsServiceException owned = failure(() -> ireland.createBucket(r -> r.bucket("mine-eu")
        .createBucketConfiguration(c -> c.locationConstraint("eu-west-1"))));
    assertThat(owned.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyOwnedByYou");
    assertThat(owned.statusCode()).isEqualTo(409);
    AwsServiceException elsewhere = failure(() -> ireland.createBucket(r -> r.bucket("wrong-region")
        .createBucketConfiguration(c -> c.locationConstraint("ap-south-1"))));
    assertThat(elsewhere.awsErrorDetails().errorCode()).isEqualTo("IllegalLocationConstraintException");
    assertThat(elsewhere.awsErrorDetails().errorMessage()).isEqualTo(
        "The ap-south-1 location constraint is incompatible for the region specific endpoint this request was sent to.");
  }

  @Test
  void objectsRoundTripWithMd5EtagsAndDefaultChecksums() throws Exception {
    s3.createBucket(r -> r.bucket("reports"));
    byte[] data = "cost and usage".getBytes(StandardCharsets.UTF_8);
    var put = s3.putObject(r -> r.bucket("reports").key("2026/12/cur.csv").contentType("text/csv")
        .metadata(Map.of("team", "finops")), RequestBody.fromBytes(data));
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    assertThat(put.eTag()).isEqualTo("\"" + md5 + "\"");
    assertThat(put.checksumCRC32()).isNotNull();

    var got = s3.getObjectAsBytes(r -> r.bucket("reports").key("2026/12/cur.csv").checksumMode(ChecksumMode.ENABLED));
    assertThat(got.asUtf8String()).isEqualTo("cost and usage");
    assertThat(got.response().contentType()).isEqualTo("text/csv");
    assertThat(got.response().metadata()).containsEntry("team", "finops");
    assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32());
    var head = s3.headObject(r -> r.bucket("reports").key("2026/12/cur.csv"));
    assertThat(head.contentLength()).isEqualTo(data.length);
    assertThat(head.eTag()).isEqualTo(put.eTag());

    s3.deleteObject(r -> r.bucket("reports").key("2026/12/cur.csv"));
    AwsServiceException gone = failure(() -> s3.getObjectAsBytes(r -> r.bucket("reports").key("2026/12/cur.csv")));
    assertThat(gone).isInstanceOf(NoSuchKeyException.class);
    assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
  }

  @Test
  void largeStreamedUploadsOfUnknownLengthArriveWhole() {
    s3.createBucket(r -> r.bucket("exports"));
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    s3.putObject(r -> r.bucket("exports").key("big.bin"),
        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data), "application/octet-stream"));
    s3.putObject(r -> r.bucket("exports").key("known.bin"), RequestBody.fromBytes(data));
    assertThat(s3.getObjectAsBytes(r -> r.bucket("exports").key("big.bin")).asByteArray()).isEqualTo(data);
    assertThat(s3.getObjectAsBytes(r -> r.bucket("exports").key("known.bin")).asByteArray()).isEqualTo(data);
  }

  @Test
  void listingsRollUpPrefixesPageAndKeepOddKeys() {
    s3.createBucket(r -> r.bucket("listing"));
    for (String key : new String[] {"a/1.txt", "a/2.txt", "b/3.txt", "top.txt", "with space+plus%.txt"}) {
      s3.putObject(r -> r.bucket("listing").key(key), RequestBody.fromString(key));
    }
    var root = s3.listObjectsV2(r -> r.bucket("listing").delimiter("/"));
    assertThat(root.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/", "b/");
    assertThat(root.contents()).extracting(S3Object::key).containsExactly("top.txt", "with space+plus%.txt");
    var page = s3.listObjectsV2(r -> r.bucket("listing").prefix("a/").maxKeys(1));
    assertThat(page.isTruncated()).isTrue();
    var next = s3.listObjectsV2(r -> r.bucket("listing").prefix("a/").continuationToken(page.nextContinuationToken()));
    assertThat(next.contents()).extracting(S3Object::key).containsExactly("a/2.txt");
    assertThat(s3.listObjectsV2Paginator(r -> r.bucket("listing").maxKeys(2)).contents().stream().count()).isEqualTo(5);

    AwsServiceException notEmpty = failure(() -> s3.deleteBucket(r -> r.bucket("listing")));
    assertThat(notEmpty.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
    assertThat(notEmpty.statusCode()).isEqualTo(409);
  }

  @Test
  void rangesAndConditionsFollowHttp() {
    s3.createBucket(r -> r.bucket("ranges"));
    String etag = s3.putObject(r -> r.bucket("ranges").key("digits"), RequestBody.fromString("0123456789")).eTag();
    var part = s3.getObjectAsBytes(r -> r.bucket("ranges").key("digits").range("bytes=2-4"));
    assertThat(part.asUtf8String()).isEqualTo("234");
    assertThat(part.response().contentRange()).isEqualTo("bytes 2-4/10");
    assertThat(part.response().contentLength()).isEqualTo(3);
    assertThat(s3.getObjectAsBytes(r -> r.bucket("ranges").key("digits").range("bytes=-3")).asUtf8String())
        .isEqualTo("789");
    assertThat(s3.getObjectAsBytes(r -> r.bucket("ranges").key("digits").range("bytes=7-")).asUtf8String())
        .isEqualTo("789");
    AwsServiceException beyond = failure(() -> s3.getObjectAsBytes(r -> r.bucket("ranges").key("digits")
        .range("bytes=10-20")));
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");

    assertThat(s3.getObjectAsBytes(r -> r.bucket("ranges").key("digits").ifMatch(etag)).asUtf8String())
        .isEqualTo("0123456789");
    AwsServiceException changed = failure(() -> s3.getObjectAsBytes(r -> r.bucket("ranges").key("digits")
        .ifMatch("\"0000\"")));
    assertThat(changed.statusCode()).isEqualTo(412);
    assertThat(changed.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
    assertThat(failure(() -> s3.headObject(r -> r.bucket("ranges").key("digits").ifNoneMatch(etag))).statusCode())
        .isEqualTo(304);
  }

  @Test
  void copyObjectCopiesDataAndMetadataOrReplacesIt() {
    s3.createBucket(r -> r.bucket("src-bucket"));
    s3.createBucket(r -> r.bucket("dst-bucket"));
    s3.putObject(r -> r.bucket("src-bucket").key("in/a b.txt").metadata(Map.of("k", "v")), RequestBody.fromString("hello"));
    var copied = s3.copyObject(r -> r.sourceBucket("src-bucket").sourceKey("in/a b.txt")
        .destinationBucket("dst-bucket").destinationKey("out.txt"));
    var got = s3.getObjectAsBytes(r -> r.bucket("dst-bucket").key("out.txt"));
    assertThat(got.asUtf8String()).isEqualTo("hello");
    assertThat(got.response().metadata()).containsEntry("k", "v");
    assertThat(copied.copyObjectResult().eTag()).isEqualTo(got.response().eTag());
    AwsServiceException toItself = failure(() -> s3.copyObject(r -> r.sourceBucket("dst-bucket").sourceKey("out.txt")
        .destinationBucket("dst-bucket").destinationKey("out.txt")));
    assertThat(toItself.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
  }

  @Test
  void virtualHostedAddressingWorksLikePathStyle() throws Exception {
    S3Client virtualHosted = emulator.configure(S3Client.builder(), ADMIN).region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://localhost:" + emulator.endpoint().getPort()))
        .httpClientBuilder(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[] {
            InetAddress.getLoopbackAddress()}))
        .build();
    virtualHosted.createBucket(r -> r.bucket("vhost-bucket"));
    virtualHosted.putObject(r -> r.bucket("vhost-bucket").key("dir/file.txt"), RequestBody.fromString("via host"));
    assertThat(s3.getObjectAsBytes(r -> r.bucket("vhost-bucket").key("dir/file.txt")).asUtf8String())
        .isEqualTo("via host");
    assertThat(virtualHosted.listObjectsV2(r -> r.bucket("vhost-bucket")).contents()).extracting(S3Object::key)
        .containsExactly("dir/file.txt");
    S3Client pathStyle = emulator.configure(S3Client.builder(), ADMIN).region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://localhost:" + emulator.endpoint().getPort()))
        .forcePathStyle(true).build();
    assertThat(pathStyle.getObjectAsBytes(r -> r.bucket("vhost-bucket").key("dir/file.txt")).asUtf8String())
        .isEqualTo("via host");
    assertThat(virtualHosted.headBucket(r -> r.bucket("vhost-bucket")).bucketRegion()).isEqualTo("us-east-1");
  }
}
