package dev.billinggate.auth.sigv4;

import static dev.billinggate.auth.sigv4.TestCredentials.CLOCK;
import static dev.billinggate.auth.sigv4.TestCredentials.LOOKUP;
import static dev.billinggate.auth.sigv4.TestCredentials.USER_KEY;
import static dev.billinggate.auth.sigv4.TestCredentials.USER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * S3's aws-chunked bodies through the verifier, signed by the SDK's own chunk signer: whole bodies
 * come out as the data; bodies cut anywhere or altered anywhere fail before any data comes out.
 */
class AwsChunkedTest {
  private static final SigV4Verifier VERIFIER = new SigV4Verifier(LOOKUP, CLOCK);
  private static final byte[] DATA = data(70_000); // several chunks: the SDK signs 8 KiB at a time

  @Test
  void aWholeSignedBodyIsItsData() {
    HttpRequest content = VERIFIER.verify(signedChunked(DATA), ServiceId.S3).content();
    assertThat(content.body()).isEqualTo(DATA);
    assertThat(content.header("content-encoding")).isNull();
    assertThat(content.header("content-length")).isEqualTo(Integer.toString(DATA.length));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 50, 90, 8_000, 65_000, 69_999})
  void aBodyCutShortIsIncomplete(int keptFromEnd) {
    HttpRequest whole = signedChunked(DATA);
    HttpRequest cut = withBody(whole, Arrays.copyOf(whole.body(), whole.body().length - keptFromEnd));
    assertThatThrownBy(() -> VERIFIER.verify(cut, ServiceId.S3))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code().code()).isIn("IncompleteBody",
            "SignatureDoesNotMatch"));
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 40_000, 69_000})
  void anAlteredChunkFailsItsSignature(int at) {
    HttpRequest whole = signedChunked(DATA);
    byte[] body = whole.body().clone();
    body[at] ^= 0x01;
    assertThatThrownBy(() -> VERIFIER.verify(withBody(whole, body), ServiceId.S3))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code().code()).isIn("SignatureDoesNotMatch",
            "IncompleteBody"));
  }

  @Test
  void chunksEndingBeforeTheSignedLengthAreIncomplete() {
    HttpRequest whole = signedChunked(DATA);
    Map<String, List<String>> headers = new LinkedHashMap<>(whole.headers());
    HttpRequest longer = new HttpRequest(whole.method(), whole.rawPath(), whole.rawQuery(), headers, whole.body(),
        whole.remoteAddress(), false);
    assertThat(S3Payload.content(longer, null).body()).isEqualTo(DATA);
    headers.put("x-amz-decoded-content-length", List.of(Integer.toString(DATA.length + 1)));
    assertThatThrownBy(() -> S3Payload.content(longer, null))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code().code()).isEqualTo("IncompleteBody"));
  }

  @Test
  void unsignedTrailersJoinTheHeaders() {
    String body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n";
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-amz-content-sha256", List.of("STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
    headers.put("x-amz-decoded-content-length", List.of("5"));
    headers.put("content-encoding", List.of("aws-chunked"));
    HttpRequest request = new HttpRequest("PUT", "/b/k", "", headers, body.getBytes(StandardCharsets.US_ASCII),
        "127.0.0.1", false);
    HttpRequest content = S3Payload.content(request, null);
    assertThat(new String(content.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    assertThat(content.header("x-amz-checksum-crc32")).isEqualTo("NhCmhg==");
    HttpRequest noEnd = new HttpRequest("PUT", "/b/k", "", headers,
        "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n".getBytes(StandardCharsets.US_ASCII), "127.0.0.1", false);
    assertThatThrownBy(() -> S3Payload.content(noEnd, null)).isInstanceOf(AwsException.class);
  }

  private static HttpRequest signedChunked(byte[] data) {
    SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(URI.create("http://127.0.0.1:4566/bucket/key"))
        .method(SdkHttpMethod.PUT).putHeader("Content-Length", Integer.toString(data.length)).build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(USER_KEY, USER_SECRET))
        .request(unsigned)
        .payload(ContentStreamProvider.fromByteArray(data))
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK)
        .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false));
    try {
      return SdkSignedRequests.toHttpRequest(signed.request(), signed.payload().orElseThrow().newStream().readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest withBody(HttpRequest request, byte[] body) {
    return new HttpRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(), body,
        request.remoteAddress(), request.secure());
  }

  private static byte[] data(int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 7);
    }
    return data;
  }
}
