package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp.Reply;
import dev.billinggate.testing.SignedHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** Requests no SDK would send: tampered, skewed, malformed, unknown. Each gets AWS's error shape. */
@BillingGateTest
class WireIntegrationTest {
  private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

  static BillingGateHandle emulator;
  static SignedHttp http;

  @BeforeAll
  static void start() {
    http = new SignedHttp(emulator.endpoint());
  }

  private static Map<String, String> json(String target, String version) {
    return Map.of("Content-Type", "application/x-amz-json-" + version, "X-Amz-Target", target);
  }

  private static Reply query(String service, String body) {
    return http.send("POST", "/", FORM, body, service, ADMIN, Clock.systemUTC());
  }

  @Test
  void queryUnknownActionIsInvalidAction() {
    Reply reply = query("iam", "Action=ExplodeEverything&Version=2010-05-08");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("<Type>Sender</Type>", "<Code>InvalidAction</Code>", "<RequestId>");
  }

  @Test
  void queryMissingRequiredParameterIsAValidationError() {
    Reply reply = query("iam", "Action=CreateUser&Version=2010-05-08");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("<Code>ValidationError</Code>", "userName");
  }

  @Test
  void queryGarbageBodyGetsA4xxNotA500() {
    for (String body : List.of("%%%", "Action", "=&=&", "Action=CreateUser&UserName=%ZZ", "\u0000\u0001binary")) {
      Reply reply = query("iam", body);
      assertThat(reply.status()).as(body).isBetween(400, 499);
      assertThat(reply.body()).as(body).contains("<ErrorResponse", "<Code>");
    }
  }

  @Test
  void jsonUnknownTargetIsUnknownOperation() {
    Reply reply = http.send("POST", "/", json("AWSOrganizationsV20161128.Explode", "1.1"), "{}",
        "organizations", ADMIN, Clock.systemUTC());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("UnknownOperationException");
    assertThat(reply.headers()).containsKey("x-amzn-requestid");
  }

  @Test
  void jsonMalformedBodiesAreSerializationErrors() {
    for (String body : List.of("{", "[1,2]", "\"text\"", "{\"PolicyId\": {\"nested\": true}}", "{\"MaxResults\": \"many\"}")) {
      Reply reply = http.send("POST", "/", json("AWSOrganizationsV20161128.ListPolicies", "1.1"), body,
          "organizations", ADMIN, Clock.systemUTC());
      assertThat(reply.status()).as(body).isBetween(400, 499);
      assertThat(reply.body()).as(body).contains("__type");
    }
  }

  @Test
  void tamperedBodyFailsTheSignature() {
    Map<String, List<String>> headers = signedHeaders("Action=GetCallerIdentity&Version=2011-06-15");
    Reply genuine = http.send("POST", emulator.endpoint(), headers, "Action=GetCallerIdentity&Version=2011-06-15".getBytes());
    assertThat(genuine.status()).isEqualTo(200);

    Reply tampered = http.send("POST", emulator.endpoint(), headers, "Action=GetCallerIdentity&Version=2011-06-16".getBytes());
    assertThat(tampered.status()).isEqualTo(403);
    assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  /** Headers of a valid STS signature over {@code body}. */
  private static Map<String, List<String>> signedHeaders(String body) {
    byte[] bytes = body.getBytes();
    SdkHttpRequest request = SdkHttpRequest.builder()
        .uri(emulator.endpoint()).method(SdkHttpMethod.POST)
        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
    return AwsV4HttpSigner.create().sign(r -> r.identity(ADMIN).request(request)
            .payload(ContentStreamProvider.fromByteArray(bytes))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
        .request().headers();
  }

  @Test
  void clockSkewBeyondFifteenMinutesIsRejected() {
    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
    Reply reply = http.send("POST", "/", FORM, "Action=GetCallerIdentity&Version=2011-06-15", "sts", ADMIN, late);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("<Code>SignatureDoesNotMatch</Code>", "Signature expired");
  }

  @Test
  void unsignedRequestsAreRejected() {
    Reply reply = http.send("POST", emulator.endpoint(),
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
        "Action=GetCallerIdentity&Version=2011-06-15".getBytes());
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("MissingAuthenticationToken");
  }

  @Test
  void aQueryBodyCutShortByAHalfCloseIsDroppedWithoutAnAnswer() throws IOException {
    URI endpoint = emulator.endpoint();
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: " + endpoint.getAuthority() + "\r\nContent-Type: "
          + "application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=CreateUser&Version=2010-05-08"
          + "&UserName=half").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      // IAM documents no answer for a cut body (S3 does: S3BadInputIntegrationTest): the connection just closes.
      assertThat(socket.getInputStream().readAllBytes()).isEmpty();
    }
    assertThat(emulator.iam().listUsers().users()).noneMatch(user -> user.userName().equals("half"));
  }

  @Test
  void hugePayloadsAreRefusedWithout500() {
    String body = "Action=CreateUser&Version=2010-05-08&UserName=" + "a".repeat(12 * 1024 * 1024);
    Reply reply = query("iam", body);
    assertThat(reply.status()).isBetween(400, 499);
  }

  @Test
  void knownButUnimplementedOperationsSayWhich() {
    Reply reply = http.send("POST", "/", json("AWSBudgetServiceGateway.DescribeBudgetActionHistories", "1.1"),
        "{\"AccountId\":\"123456789012\",\"BudgetName\":\"b\",\"ActionId\":\"00000000-0000-0000-0000-000000000000\"}",
        "budgets", ADMIN, Clock.systemUTC());
    assertThat(reply.body()).contains("DescribeBudgetActionHistories");
    assertThat(reply.status()).isNotEqualTo(500);
  }
}
