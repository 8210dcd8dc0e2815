package dev.billinggate.auth.sigv4;

import static dev.billinggate.auth.sigv4.TestCredentials.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.CredentialLookup.Credential;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Requests signed by other implementations than the Java SDK, captured byte for byte. */
class ForeignSignerVectorsTest {

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  /** The worked example of AWS's "Create a signed AWS API request" documentation. */
  @Test
  void awsDocumentationExample() {
    Caller caller = new Caller(CallerType.IAM_USER, "111122223333", "arn:aws:iam::111122223333:user/doc", "AIDADOC",
        "AKIDEXAMPLE", null);
    SigV4Verifier verifier = new SigV4Verifier(key -> "AKIDEXAMPLE".equals(key)
        ? Optional.of(new Credential("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null, null, true, caller))
        : Optional.empty(), at("2015-08-30T12:36:00Z"));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    headers.put("host", List.of("iam.amazonaws.com"));
    headers.put("x-amz-date", List.of("20150830T123600Z"));
    headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date, "
        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"));

    VerifiedRequest verified = verifier.verify(new HttpRequest("GET", "/", "Action=ListUsers&Version=2010-05-08",
        headers, new byte[0], "127.0.0.1", true), ServiceId.IAM);

    assertThat(verified.caller()).isEqualTo(caller);
  }

  /**
   * botocore 1.43 (boto3, AWS CLI): session token, padded header value, path and query needing
   * encoding, a repeated query parameter and one with an empty value.
   */
  @Test
  void botocoreSessionRequest() {
    Instant signedAt = Instant.parse("2026-11-24T04:30:53Z");
    SigV4Verifier verifier = new SigV4Verifier(lookupAt(signedAt), at("2026-11-24T04:30:53Z"));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("127.0.0.1:4566"));
    headers.put("content-type", List.of("application/x-amz-json-1.1"));
    headers.put("x-amz-target", List.of("Svc.Op"));
    headers.put("x-custom", List.of("  a   b  "));
    headers.put("x-amz-date", List.of("20261124T043053Z"));
    headers.put("x-amz-security-token", List.of(SESSION_TOKEN));
    headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7SESSION/20261124/us-east-1/organizations/"
        + "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target;x-custom, "
        + "Signature=f248caff2b350fe6a236b962ea7b0c5c2054fa912e0acead62b1618214918a5d"));

    VerifiedRequest verified = verifier.verify(new HttpRequest("POST", "/a%20b/%C3%BC", "b=2&a=x%20y&a=%2B&flag=",
        headers, "{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", false), ServiceId.ORGANIZATIONS);

    assertThat(verified.accessKeyId()).isEqualTo(SESSION_KEY);
  }

  /**
   * A client that signs {@code User-Agent}, which the SDK's own canonicalization would drop
   * (botocore with its header blacklist emptied).
   */
  @Test
  void clientSigningUserAgent() {
    SigV4Verifier verifier = new SigV4Verifier(LOOKUP, at("2026-11-24T04:51:48Z"));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("127.0.0.1:4566"));
    headers.put("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    headers.put("user-agent", List.of("custom-client/1.0 (signs everything)"));
    headers.put("x-amz-date", List.of("20261124T045148Z"));
    headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261124/us-east-1/sts/"
        + "aws4_request, SignedHeaders=content-type;host;user-agent;x-amz-date, "
        + "Signature=231be6333127f17b6fd669c74a0652b1bd877b813788fb0464dd75793819df37"));

    VerifiedRequest verified = verifier.verify(new HttpRequest("POST", "/", "", headers,
        "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8), "127.0.0.1", false),
        ServiceId.STS);

    assertThat(verified.signedHeaders()).contains("user-agent");
  }
}
