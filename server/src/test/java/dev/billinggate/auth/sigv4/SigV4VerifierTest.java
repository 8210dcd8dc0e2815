package dev.billinggate.auth.sigv4;

import static dev.billinggate.auth.sigv4.TestCredentials.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SigV4VerifierTest {
  private static final SigV4Verifier VERIFIER = new SigV4Verifier(LOOKUP, CLOCK);
  private static final byte[] STS_FORM = bytes("Action=GetCallerIdentity&Version=2011-06-15");
  private static final Map<String, List<String>> FORM = Map.of(
      "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));

  private static SdkSignedRequests signer(String service) {
    return SdkSignedRequests.signer(CLOCK, "us-east-1", service).credentials(USER_KEY, USER_SECRET);
  }

  private static SdkSignedRequests signerAt(String instant, String service) {
    return SdkSignedRequests.signer(Clock.fixed(java.time.Instant.parse(instant), ZoneOffset.UTC), "us-east-1", service)
        .credentials(USER_KEY, USER_SECRET);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("STS form POST", ServiceId.STS,
            signer("sts").signToHttpRequest("POST", "/", FORM, STS_FORM)),
        Arguments.of("IAM query GET", ServiceId.IAM,
            signer("iam").signToHttpRequest("GET", "/?Action=ListUsers&Version=2010-05-08&MaxItems=10", Map.of(), new byte[0])),
        Arguments.of("Organizations JSON POST", ServiceId.ORGANIZATIONS,
            signer("organizations").signToHttpRequest("POST", "/", Map.of(
                "Content-Type", List.of("application/x-amz-json-1.1"),
                "X-Amz-Target", List.of("AWSOrganizationsV20161128.DescribeOrganization")), bytes("{}"))),
        Arguments.of("Account REST path with special characters", ServiceId.ACCOUNT,
            signer("account").signToHttpRequest("POST", "/a%20b/c~d/%E2%82%AC/x%2Fy?q=a%20b&e=%C3%BC&flag&z=1&a=2&a=1",
                Map.of(), bytes("{\"x\":1}"))),
        Arguments.of("header casing, blanks and repeated values", ServiceId.STS,
            signer("sts").signToHttpRequest("POST", "/", Map.of(
                "X-Amz-Meta-Mixed", List.of("  a   b  c "),
                "x-amz-repeated", List.of("one", " two "),
                "Content-Type", List.of("application/x-www-form-urlencoded")), STS_FORM)),
        Arguments.of("session token header", ServiceId.STS,
            SdkSignedRequests.signer(CLOCK, "eu-west-1", "sts")
                .sessionCredentials(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN)
                .signToHttpRequest("POST", "/", FORM, STS_FORM)),
        Arguments.of("UNSIGNED-PAYLOAD", ServiceId.STS,
            signer("sts").unsignedPayload().signToHttpRequest("POST", "/", FORM, STS_FORM)),
        Arguments.of("presigned GET", ServiceId.STS,
            signer("sts").presigned(Duration.ofSeconds(60))
                .signToHttpRequest("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", Map.of(), new byte[0])),
        Arguments.of("presigned GET with session token", ServiceId.STS,
            SdkSignedRequests.signer(CLOCK, "us-east-1", "sts")
                .sessionCredentials(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN).presigned(Duration.ofDays(7))
                .signToHttpRequest("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", Map.of(), new byte[0])),
        Arguments.of("Authorization parts reordered, without blanks", ServiceId.STS,
            reorderAuthorization(signer("sts").signToHttpRequest("POST", "/", FORM, STS_FORM))),
        Arguments.of("signed 14 minutes ago", ServiceId.STS,
            signerAt("2023-12-31T23:56:00Z", "sts").signToHttpRequest("POST", "/", FORM, STS_FORM)),
        Arguments.of("signed 14 minutes ahead", ServiceId.STS,
            signerAt("2024-01-01T00:24:00Z", "sts").signToHttpRequest("POST", "/", FORM, STS_FORM)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsRequestsSignedByTheSdk(String description, ServiceId service, HttpRequest request) {
    VerifiedRequest verified = VERIFIER.verify(request, service);

    assertThat(verified.caller()).isEqualTo(USER);
    assertThat(verified.scope().service()).isEqualTo(service.signingName());
    assertThat(verified.signedHeaders()).contains("host");
    assertThat(verified.presigned()).isEqualTo(!request.headers().containsKey("authorization"));
  }

  @Test
  void reportsTheVerifiedScopeAndKey() {
    HttpRequest request = SdkSignedRequests.signer(CLOCK, "eu-central-1", "sts")
        .sessionCredentials(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN)
        .signToHttpRequest("POST", "/", FORM, STS_FORM);

    VerifiedRequest verified = VERIFIER.verify(request, ServiceId.STS);

    assertThat(verified.accessKeyId()).isEqualTo(SESSION_KEY);
    assertThat(verified.scope()).isEqualTo(new CredentialScope("20240101", "eu-central-1", "sts"));
    assertThat(verified.signedAt()).isEqualTo(NOW);
  }

  static Stream<Arguments> rejected() {
    HttpRequest form = signer("sts").signToHttpRequest("POST", "/", FORM, STS_FORM);
    HttpRequest query = signer("iam").signToHttpRequest("GET", "/?Action=ListUsers&Version=2010-05-08&MaxItems=1", Map.of(), new byte[0]);
    HttpRequest presigned = signer("sts").presigned(Duration.ofSeconds(60))
        .signToHttpRequest("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", Map.of(), new byte[0]);
    HttpRequest session = SdkSignedRequests.signer(CLOCK, "us-east-1", "sts")
        .sessionCredentials(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN).signToHttpRequest("POST", "/", FORM, STS_FORM);
    String auth = form.header("authorization");
    return Stream.of(
        rejection("tampered body", form, r -> withBody(r, "Action=GetCallerIdentity&Version=2011-06-16"),
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("tampered signed header", form, r -> withHeader(r, "content-type", "text/plain"),
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("tampered query", query, r -> withQuery(r, r.rawQuery().replace("MaxItems=1", "MaxItems=2")),
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("tampered date", form, r -> withHeader(r, "x-amz-date", "20240101T000001Z"),
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("tampered path", query, r -> withPath(r, "/other"),
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("tampered presigned query", presigned, r -> withQuery(r, r.rawQuery() + "&Extra=1"),
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("declared body hash differs from body", form,
            r -> withHeader(withBody(r, "Action=Other"), "x-amz-content-sha256", sha256Hex(STS_FORM)),
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("wrong secret", SdkSignedRequests.signer(CLOCK, "us-east-1", "sts")
                .credentials(USER_KEY, "not-the-secret").signToHttpRequest("POST", "/", FORM, STS_FORM), r -> r,
            CommonError.SIGNATURE_DOES_NOT_MATCH, SigV4Errors.SIGNATURE_MISMATCH),
        rejection("unknown key", form, r -> withHeader(r, "authorization", auth.replace(USER_KEY, UNKNOWN_KEY)),
            CommonError.INVALID_CLIENT_TOKEN_ID, SigV4Errors.INVALID_TOKEN),
        rejection("inactive key", form, r -> withHeader(r, "authorization", auth.replace(USER_KEY, INACTIVE_KEY)),
            CommonError.INVALID_CLIENT_TOKEN_ID, SigV4Errors.INVALID_TOKEN),
        rejection("expired session", SdkSignedRequests.signer(CLOCK, "us-east-1", "sts")
                .sessionCredentials(EXPIRED_KEY, SESSION_SECRET, SESSION_TOKEN).signToHttpRequest("POST", "/", FORM, STS_FORM),
            r -> r, CommonError.EXPIRED_TOKEN, SigV4Errors.EXPIRED_TOKEN),
        rejection("session key without token", session, r -> withoutHeader(r, "x-amz-security-token"),
            CommonError.INVALID_CLIENT_TOKEN_ID, SigV4Errors.INVALID_TOKEN),
        rejection("session key with another token", session, r -> withHeader(r, "x-amz-security-token", "forged"),
            CommonError.INVALID_CLIENT_TOKEN_ID, SigV4Errors.INVALID_TOKEN),
        rejection("long-term key with a token", form, r -> withHeader(r, "x-amz-security-token", SESSION_TOKEN),
            CommonError.INVALID_CLIENT_TOKEN_ID, SigV4Errors.INVALID_TOKEN),
        rejection("signed over 15 minutes ago", signerAt("2023-12-31T23:54:59Z", "sts")
                .signToHttpRequest("POST", "/", FORM, STS_FORM), r -> r, CommonError.SIGNATURE_DOES_NOT_MATCH,
            "Signature expired: 20231231T235459Z is now earlier than 20231231T235500Z (20240101T001000Z - 15 min.)"),
        rejection("signed over 15 minutes ahead", signerAt("2024-01-01T00:25:01Z", "sts")
                .signToHttpRequest("POST", "/", FORM, STS_FORM), r -> r, CommonError.SIGNATURE_DOES_NOT_MATCH,
            "Signature not yet current: 20240101T002501Z is still later than 20240101T002500Z (20240101T001000Z + 15 min.)"),
        rejection("presigned URL replayed after the window", signerAt("2023-12-31T23:50:00Z", "sts").presigned(Duration.ofDays(1))
                .signToHttpRequest("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", Map.of(), new byte[0]),
            r -> r, CommonError.SIGNATURE_DOES_NOT_MATCH,
            "Signature expired: 20231231T235000Z is now earlier than 20231231T235500Z (20240101T001000Z - 15 min.)"),
        rejection("scope for another service", signer("iam").signToHttpRequest("POST", "/", FORM, STS_FORM), r -> r,
            CommonError.SIGNATURE_DOES_NOT_MATCH, "Credential should be scoped to correct service: 'sts'. "),
        rejection("invalid region", SdkSignedRequests.signer(CLOCK, "moon-base-one", "sts").credentials(USER_KEY, USER_SECRET)
                .signToHttpRequest("POST", "/", FORM, STS_FORM), r -> r,
            CommonError.SIGNATURE_DOES_NOT_MATCH, "Credential should be scoped to a valid region, not 'moon-base-one'. "),
        rejection("wrong terminator", form, r -> withHeader(r, "authorization", auth.replace("aws4_request", "aws5_request")),
            CommonError.SIGNATURE_DOES_NOT_MATCH,
            "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "),
        rejection("scope date differs from X-Amz-Date", form, r -> withHeader(r, "authorization", auth.replace("/20240101/", "/20240102/")),
            CommonError.SIGNATURE_DOES_NOT_MATCH,
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240102' != '20240101', from '20240101T001000Z'."),
        rejection("no authentication", form, r -> withoutHeader(r, "authorization"),
            CommonError.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token"),
        rejection("basic authorization", form, r -> withHeader(r, "authorization", "Basic dXNlcjpwYXNz"),
            CommonError.INCOMPLETE_SIGNATURE,
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. Authorization=Basic dXNlcjpwYXNz"),
        rejection("no Signature and no date", form,
            r -> withoutHeader(withHeader(r, "authorization", auth.substring(0, auth.indexOf(", Signature="))), "x-amz-date"),
            CommonError.INCOMPLETE_SIGNATURE,
            "Authorization header requires 'Signature' parameter. Authorization header requires existence of either a "
                + "'X-Amz-Date' or a 'Date' header. Authorization=" + auth.substring(0, auth.indexOf(", Signature="))),
        rejection("blank after Credential=", form, r -> withHeader(r, "authorization", auth.replace("Credential=", "Credential= ")),
            CommonError.INCOMPLETE_SIGNATURE,
            "'" + USER_KEY + "/20240101/us-east-1/sts/aws4_request' not a valid key=value pair (missing equal-sign) in "
                + "Authorization header: '" + auth.replace("Credential=", "Credential= ") + "'."),
        rejection("credential with four elements", form, r -> withHeader(r, "authorization", auth.replace("/us-east-1/", "/")),
            CommonError.INCOMPLETE_SIGNATURE,
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                + USER_KEY + "/20240101/sts/aws4_request'"),
        rejection("RFC 1123 date", form, r -> withHeader(r, "x-amz-date", "Mon, 01 Jan 2024 00:10:00 GMT"),
            CommonError.INCOMPLETE_SIGNATURE,
            "Date must be in ISO-8601 'basic format'. Got 'Mon, 01 Jan 2024 00:10:00 GMT'. See http://en.wikipedia.org/wiki/ISO_8601"),
        rejection("host not signed", form, r -> withHeader(r, "authorization", auth.replace("SignedHeaders=", "SignedHeaders=x;")
                .replace(";host;", ";")),
            CommonError.INCOMPLETE_SIGNATURE, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
        rejection("presigned expiry over a week", presigned, r -> withQuery(r, r.rawQuery().replace("X-Amz-Expires=60", "X-Amz-Expires=604801")),
            CommonError.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be less than a week (in seconds) that is 604800"),
        rejection("presigned expiry not a number", presigned, r -> withQuery(r, r.rawQuery().replace("X-Amz-Expires=60", "X-Amz-Expires=soon")),
            CommonError.INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number"),
        rejection("presigned without signature", presigned, r -> withQuery(r, r.rawQuery().replaceAll("&?X-Amz-Signature=[0-9a-f]+", "")),
            CommonError.INCOMPLETE_SIGNATURE,
            "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsWithAwsErrors(String description, HttpRequest request, CommonError code, String message) {
    ServiceId service = request.rawQuery().contains("ListUsers") ? ServiceId.IAM : ServiceId.STS;
    assertThatThrownBy(() -> VERIFIER.verify(request, service))
        .isInstanceOfSatisfying(AwsException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  private static Arguments rejection(String description, HttpRequest signed, UnaryOperator<HttpRequest> change,
      CommonError code, String message) {
    return Arguments.of(description, change.apply(signed), code, message);
  }

  /** "AWS4-HMAC-SHA256 Credential=c, SignedHeaders=h, Signature=s" as "AWS4-HMAC-SHA256 Signature=s,Credential=c,SignedHeaders=h". */
  private static HttpRequest reorderAuthorization(HttpRequest r) {
    String[] parts = r.header("authorization").substring("AWS4-HMAC-SHA256 ".length()).split(", ");
    return withHeader(r, "authorization", "AWS4-HMAC-SHA256 " + parts[2] + "," + parts[0] + "," + parts[1]);
  }

  private static HttpRequest withBody(HttpRequest r, String body) {
    return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), bytes(body), r.remoteAddress(), r.secure());
  }

  private static HttpRequest withQuery(HttpRequest r, String query) {
    return new HttpRequest(r.method(), r.rawPath(), query, r.headers(), r.body(), r.remoteAddress(), r.secure());
  }

  private static HttpRequest withPath(HttpRequest r, String path) {
    return new HttpRequest(r.method(), path, r.rawQuery(), r.headers(), r.body(), r.remoteAddress(), r.secure());
  }

  private static HttpRequest withHeader(HttpRequest r, String name, String value) {
    var headers = new java.util.LinkedHashMap<>(r.headers());
    headers.put(name, List.of(value));
    return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.remoteAddress(), r.secure());
  }

  private static HttpRequest withoutHeader(HttpRequest r, String name) {
    var headers = new java.util.LinkedHashMap<>(r.headers());
    headers.remove(name);
    return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.remoteAddress(), r.secure());
  }

  private static String sha256Hex(byte[] body) {
    return software.amazon.awssdk.utils.BinaryUtils.toHex(
        software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils.hash(body));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
