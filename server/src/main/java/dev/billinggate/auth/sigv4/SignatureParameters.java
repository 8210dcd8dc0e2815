package dev.billinggate.auth.sigv4;

import dev.billinggate.core.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a request says about its signature, from the Authorization header or, for presigned URLs,
 * from the {@code X-Amz-*} query parameters. Parsing enforces AWS's syntax rules and nothing else.
 *
 * @param accessKeyId first element of the credential
 * @param scope the rest of the credential, except the terminator
 * @param terminator last credential element; must be {@code aws4_request}
 * @param amzDate {@code X-Amz-Date} as sent
 * @param signedAt {@code amzDate} parsed
 * @param signedHeadersValue the {@code SignedHeaders} value as sent ({@code a;b;c})
 * @param signedHeaders the same names, split, in the order the client listed them
 * @param signature the hex signature as sent
 * @param securityToken {@code X-Amz-Security-Token}, or {@code null}
 * @param query the decoded query parameters (the canonical query string is built from them)
 * @param presigned whether the parameters came from the query string
 */
public record SignatureParameters(
    String accessKeyId,
    CredentialScope scope,
    String terminator,
    String amzDate,
    Instant signedAt,
    String signedHeadersValue,
    List<String> signedHeaders,
    String signature,
    String securityToken,
    Map<String, List<String>> query,
    boolean presigned) {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SIGNATURE_PARAMETER = "X-Amz-Signature";
  private static final long MAX_EXPIRES_SECONDS = 604_800;

  /**
   * Reads the signature parameters of {@code request}; the gateway may call this before verifying to
   * route on {@code scope().service()}.
   *
   * @throws dev.billinggate.core.AwsException {@code MissingAuthenticationToken} when the
   *     request carries no signature, {@code IncompleteSignature} when it is malformed
   */
  public static SignatureParameters of(HttpRequest request) {
    String authorization = request.header("authorization");
    Map<String, List<String>> query = QueryParameters.decode(request.rawQuery());
    if (authorization != null) {
      return fromHeader(request, authorization, query);
    }
    if (query.containsKey("X-Amz-Algorithm")) {
      return fromQuery(query);
    }
    throw SigV4Errors.missingAuthenticationToken();
  }

  private static SignatureParameters fromHeader(
      HttpRequest request, String header, Map<String, List<String>> query) {
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    // Other schemes ("Basic ...", SigV2's "AWS AKID:sig") are reported by AWS as lacking every part.
    if (header.startsWith(ALGORITHM + " ")) {
      // AWS splits on commas and blanks alike, so "Credential= AKID/..." yields an empty Credential
      // and a stray "AKID/..." that it reports as missing its equal sign.
      for (String part : authorizationParts(header)) {
        int equals = part.indexOf('=');
        if (equals < 0) {
          throw SigV4Errors.missingEqualSign(part, header);
        }
        String value = part.substring(equals + 1);
        switch (part.substring(0, equals)) {
          case "Credential" -> credential = value;
          case "SignedHeaders" -> signedHeaders = value;
          case "Signature" -> signature = value;
          default -> { }
        }
      }
    }
    String amzDate = request.header("x-amz-date");
    if (amzDate == null) {
      amzDate = request.header("date");
    }
    List<String> missing = new ArrayList<>(3);
    if (credential == null) {
      missing.add("Credential");
    }
    if (signature == null) {
      missing.add("Signature");
    }
    if (signedHeaders == null) {
      missing.add("SignedHeaders");
    }
    if (!missing.isEmpty() || amzDate == null) {
      throw SigV4Errors.incompleteAuthorization(missing, amzDate == null, header);
    }
    return build(credential, amzDate, signedHeaders, signature,
        request.header("x-amz-security-token"), query, false);
  }

  /**
   * The blank- or comma-separated parts after the algorithm. Split by hand: a regex split cost more
   * than the HMAC.
   */
  private static List<String> authorizationParts(String header) {
    List<String> parts = new ArrayList<>(3);
    int partStart = -1;
    for (int i = ALGORITHM.length(); i <= header.length(); i++) {
      boolean separator =
          i == header.length() || header.charAt(i) == ',' || Character.isWhitespace(header.charAt(i));
      if (separator && partStart >= 0) {
        parts.add(header.substring(partStart, i));
        partStart = -1;
      } else if (!separator && partStart < 0) {
        partStart = i;
      }
    }
    return parts;
  }

  private static SignatureParameters fromQuery(Map<String, List<String>> query) {
    String algorithm = QueryParameters.first(query, "X-Amz-Algorithm");
    if (!ALGORITHM.equals(algorithm)) {
      throw SigV4Errors.unsupportedQueryAlgorithm(algorithm);
    }
    List<String> missing = new ArrayList<>(4);
    String credential = required(query, "X-Amz-Credential", missing);
    String signature = required(query, SIGNATURE_PARAMETER, missing);
    String amzDate = required(query, "X-Amz-Date", missing);
    String signedHeaders = required(query, "X-Amz-SignedHeaders", missing);
    if (!missing.isEmpty()) {
      throw SigV4Errors.missingQueryParameters(missing);
    }
    String expires = QueryParameters.first(query, "X-Amz-Expires");
    if (expires != null && !validExpires(expires)) {
      throw SigV4Errors.invalidExpires(expires);
    }
    return build(credential, amzDate, signedHeaders, signature,
        QueryParameters.first(query, "X-Amz-Security-Token"), query, true);
  }

  private static SignatureParameters build(String credential, String amzDate, String signedHeaders,
      String signature, String securityToken, Map<String, List<String>> query, boolean presigned) {
    String[] elements = credential.split("/", -1);
    if (elements.length != 5) {
      throw SigV4Errors.malformedCredential(credential);
    }
    Instant signedAt = AmzDate.parse(amzDate);
    if (signedAt == null) {
      throw SigV4Errors.malformedDate(amzDate);
    }
    return new SignatureParameters(elements[0], new CredentialScope(elements[1], elements[2], elements[3]),
        elements[4], amzDate, signedAt, signedHeaders, List.of(signedHeaders.split(";")), signature,
        securityToken, query, presigned);
  }

  private static String required(Map<String, List<String>> query, String name, List<String> missing) {
    String value = QueryParameters.first(query, name);
    if (value == null) {
      missing.add(name);
    }
    return value;
  }

  private static boolean validExpires(String value) {
    try {
      long seconds = Long.parseLong(value);
      return seconds >= 1 && seconds <= MAX_EXPIRES_SECONDS;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
