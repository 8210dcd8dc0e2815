package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Requests the SDK would never send, answered with S3's errors and leaving nothing half-written:
 * malformed XML, aws-chunked uploads cut short or with a tampered chunk, payload hashes that lie,
 * checksums that do not match.
 */
@BillingGateTest
class S3BadInputIntegrationTest {
  static BillingGateHandle emulator;
  static S3Client s3;
  SignedHttp http;

  @BeforeEach
  void bucket() {
    s3 = emulator.s3(ADMIN);
    s3.createBucket(r -> r.bucket("uploads"));
    http = new SignedHttp(emulator.endpoint());
  }

  @Test
  void malformedXmlIsRefusedWithS3sErrorDocument() {
    String body = "<CreateBucketConfiguration><LocationConstraint>eu-west-1</Location";
    SignedHttp.Reply reply = http.send("PUT", "/malformed-bucket", Map.of("x-amz-content-sha256", sha256(body)), body,
        "s3", ADMIN, Clock.systemUTC());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("<Error><Code>MalformedXML</Code><Message>The XML you provided was not well-formed or did not "
            + "validate against our published schema</Message>", "<RequestId>", "<HostId>");
    assertThat(reply.headers()).containsKey("x-amz-request-id");
    String wrongRoot = "<Configuration><LocationConstraint>eu-west-1</LocationConstraint></Configuration>";
    assertThat(http.send("PUT", "/malformed-bucket", Map.of("x-amz-content-sha256", sha256(wrongRoot)), wrongRoot, "s3",
        ADMIN, Clock.systemUTC()).body()).contains("<Code>MalformedXML</Code>");
    assertThat(failure(() -> s3.headBucket(r -> r.bucket("malformed-bucket"))).statusCode()).isEqualTo(404);
  }

  @Test
  void aSignedChunkedUploadIsStoredWhole() {
    byte[] data = data(200_000);
    assertThat(sendChunked("/uploads/whole.bin", data, chunked -> chunked).status()).isEqualTo(200);
    assertThat(s3.getObjectAsBytes(r -> r.bucket("uploads").key("whole.bin")).asByteArray()).isEqualTo(data);
  }

  @Test
  void aChunkedUploadCutShortOnTheWireIsAnsweredIncompleteBodyAndWritesNothing() throws IOException {
    // Signed for 100 bytes more than the chunks carry: the connection ends 100 bytes before its Content-Length.
    URI uri = emulator.endpoint().resolve("/uploads/cut.bin");
    byte[] data = data(200_000);
    SignedRequest signed = sign(SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.PUT)
        .putHeader("x-amz-decoded-content-length", Integer.toString(data.length + 100)).build(), data, true);
    byte[] body = signed.payload().orElseThrow().newStream().readAllBytes();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder("PUT /uploads/cut.bin HTTP/1.1\r\n");
      signed.request().headers().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ")
          .append(v).append("\r\n")));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      socket.shutdownOutput(); // half-closed: the client can still read the answer
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("connection: close")
          .contains("<Error><Code>IncompleteBody</Code><Message>You did not provide the number of bytes specified by "
              + "the Content-Length HTTP header.</Message>", "<RequestId>");
    }
    assertThat(failure(() -> s3.headObject(r -> r.bucket("uploads").key("cut.bin"))).statusCode()).isEqualTo(404);
  }

  @Test
  void aTamperedChunkFailsItsSignatureAndWritesNothing() {
    SignedHttp.Reply reply = sendChunked("/uploads/tampered.bin", data(200_000), chunked -> {
      byte[] copy = chunked.clone();
      copy[copy.length / 2] ^= 1;
      return copy;
    });
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    assertThat(failure(() -> s3.getObjectAsBytes(r -> r.bucket("uploads").key("tampered.bin"))))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void aPayloadHashThatLiesIsRefused() {
    URI uri = emulator.endpoint().resolve("/uploads/liar.txt");
    SignedRequest signed = sign(SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.PUT).build(), new byte[0], false);
    SignedHttp.Reply reply = http.send("PUT", uri, signed.request().headers(),
        "not empty".getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>");
    Map<String, List<String>> withoutHash = new HashMap<>(signed.request().headers());
    withoutHash.remove("x-amz-content-sha256");
    SignedHttp.Reply missing = http.send("PUT", uri, withoutHash, new byte[0]);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("<Code>InvalidRequest</Code>",
        "Missing required header for this request: x-amz-content-sha256");
  }

  @Test
  void aChecksumThatDoesNotMatchIsRefused() {
    String body = "checked";
    SignedHttp.Reply reply = http.send("PUT", "/uploads/checked.txt", Map.of("x-amz-content-sha256", sha256(body),
        "x-amz-checksum-crc32", "AAAAAA=="), body, "s3", ADMIN, Clock.systemUTC());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("<Code>BadDigest</Code>",
        "The CRC32 you specified did not match the calculated checksum.");
    AwsServiceException md5 = failure(() -> s3.putObject(r -> r.bucket("uploads").key("md5.txt")
        .contentMD5("1B2M2Y8AsgTpgAmY7PhCfg=="), software.amazon.awssdk.core.sync.RequestBody.fromString("x")));
    assertThat(md5.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
    assertThat(failure(() -> s3.headObject(r -> r.bucket("uploads").key("checked.txt"))).statusCode()).isEqualTo(404);
  }

  /** Signs {@code data} as a STREAMING-AWS4-HMAC-SHA256-PAYLOAD upload with the SDK's signer, then sends {@code edit(body)}. */
  private SignedHttp.Reply sendChunked(String path, byte[] data, java.util.function.UnaryOperator<byte[]> edit) {
    return sendChunked(path, data, 0, edit);
  }

  /** @param declaredExtra how many bytes more than {@code data} the signed {@code x-amz-decoded-content-length} claims */
  private SignedHttp.Reply sendChunked(String path, byte[] data, int declaredExtra,
      java.util.function.UnaryOperator<byte[]> edit) {
    URI uri = emulator.endpoint().resolve(path);
    // The decoded length is signed; Content-Length is left out of the signature, so the HTTP body may be cut.
    SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.PUT)
        .putHeader("x-amz-decoded-content-length", Integer.toString(data.length + declaredExtra)).build();
    SignedRequest signed = sign(unsigned, data, true);
    try {
      byte[] chunked = signed.payload().orElseThrow().newStream().readAllBytes();
      assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
          .contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
      return http.send("PUT", uri, signed.request().headers(), edit.apply(chunked));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SignedRequest sign(SdkHttpRequest unsigned, byte[] data, boolean chunked) {
    return AwsV4HttpSigner.create().sign(r -> r.identity(ADMIN).request(unsigned)
        .payload(ContentStreamProvider.fromByteArray(data))
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, chunked)
        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false));
  }

  private static byte[] data(int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 31);
    }
    return data;
  }

  private static String sha256(String body) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
