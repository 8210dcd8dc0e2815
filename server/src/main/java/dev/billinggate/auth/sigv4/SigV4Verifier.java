package dev.billinggate.auth.sigv4;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CredentialLookup;
import dev.billinggate.auth.CredentialLookup.Credential;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.utils.BinaryUtils;

/**
 * Verifies AWS Signature Version 4, in the Authorization header or in a presigned query string, the
 * way AWS's services do, and answers with AWS's error codes and messages.
 *
 * <p>Checks run in this order and the first failure is reported: syntax, credential scope, clock
 * skew, access key, session token, signed {@code host}, payload hash, signature.
 *
 * <p>A presigned URL is held to the same 15-minute window as a header signature: outside S3, AWS
 * validates {@code X-Amz-Expires} (1..604800) but does not extend the window with it
 * (aws/aws-sdk-go#2167). S3 honours it: a presigned S3 URL is valid until {@code X-Amz-Date} plus
 * {@code X-Amz-Expires}.
 *
 * <p>Thread-safe; one instance serves the whole server.
 */
public final class SigV4Verifier {
  static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final String EMPTY_BODY_SHA256 = BinaryUtils.toHex(SignerUtils.hash(new byte[0]));
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z]+)+-\\d+");
  /**
   * The SDKs' pseudo-region of the global services. Against AWS it never reaches a credential scope
   * (endpoint rules sign for us-east-1), but with an endpoint override the SDK for Java v2 signs IAM
   * clients built with {@code Region.AWS_GLOBAL} for it; accepting it lets such clients work unchanged.
   */
  public static final String SDK_GLOBAL_REGION = "aws-global";
  private static final int SIGNING_KEY_CACHE_SIZE = 1024;

  private final CredentialLookup credentials;
  private final Clock clock;
  private final Supplier<Optional<Caller>> unknownKeys;
  private final SigningKeyCache signingKeys = new SigningKeyCache(SIGNING_KEY_CACHE_SIZE);

  public SigV4Verifier(CredentialLookup credentials, Clock clock) {
    this(credentials, clock, null);
  }

  /**
   * @param unknownKeys for {@code serve --moto-compat} only: the principal a request signed with an
   *     access key {@code credentials} does not know acts as (its signature cannot be checked: the
   *     secret is unknown); empty refuses the key. {@code null}: such keys are refused, as AWS does.
   */
  public SigV4Verifier(CredentialLookup credentials, Clock clock, Supplier<Optional<Caller>> unknownKeys) {
    this.credentials = credentials;
    this.clock = clock;
    this.unknownKeys = unknownKeys;
  }

  /**
   * @param service the service the request was routed to (not null); the credential scope must name it
   * @throws dev.billinggate.core.AwsException with the error AWS would return
   */
  public VerifiedRequest verify(HttpRequest request, ServiceId service) {
    return verify(request, SignatureParameters.of(request), service);
  }

  /** As {@link #verify(HttpRequest, ServiceId)}, for callers that already parsed the parameters to route. */
  public VerifiedRequest verify(HttpRequest request, SignatureParameters signature, ServiceId service) {
    Objects.requireNonNull(service, "service");
    checkScope(signature, service);
    Instant now = clock.instant();
    if (service == ServiceId.S3 && signature.presigned()) {
      S3Payload.checkPresignedExpiry(signature, now);
    } else {
      checkSkew(signature, now);
    }
    Optional<Credential> known = credentials.find(signature.accessKeyId());
    if (known.isEmpty() && unknownKeys != null) {
      Caller caller = unknownKeys.get().orElseThrow(SigV4Errors::invalidClientToken);
      // The secret is unknown, so chunk signatures cannot be checked either; the body is still unframed.
      return new VerifiedRequest(signature.accessKeyId(), caller, signature.scope(), signature.signedHeaders(),
          signature.signedAt(), signature.presigned(), content(request, service, null));
    }
    Credential credential = known
        .filter(Credential::active)
        .orElseThrow(SigV4Errors::invalidClientToken);
    checkSessionToken(signature, credential, now);
    if (!signature.signedHeaders().contains("host")) {
      throw SigV4Errors.hostNotSigned();
    }
    byte[] signingKey = signingKeys.signingKey(credential.secretAccessKey(), signature.scope());
    String expected = expectedSignature(request, signature, signingKey, service);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw SigV4Errors.signatureMismatch();
    }
    AwsChunked.Chain chain = new AwsChunked.Chain(expected, signature.amzDate(), signature.scope().value(), signingKey);
    return new VerifiedRequest(signature.accessKeyId(), credential.caller(), signature.scope(),
        signature.signedHeaders(), signature.signedAt(), signature.presigned(), content(request, service, chain));
  }

  /**
   * An unsigned request to a service that serves the anonymous principal (S3): there is nothing to
   * verify but the payload it declares, which S3 checks as for a signed request (a hash must be
   * the body's; an {@code aws-chunked} body is unframed, its chunk signatures unchecked as there is
   * no signature to chain them from).
   */
  public VerifiedRequest anonymous(HttpRequest request, ServiceId service) {
    if (service == ServiceId.S3) {
      S3Payload.checkUnsignedHash(request);
    }
    return new VerifiedRequest(null, Caller.anonymous(), null, List.of(), null, false, content(request, service, null));
  }

  /** The request as the service reads it: only S3 takes bodies framed in signed chunks. */
  private static HttpRequest content(HttpRequest request, ServiceId service, AwsChunked.Chain chain) {
    return service == ServiceId.S3 ? S3Payload.content(request, chain) : request;
  }

  private static void checkScope(SignatureParameters signature, ServiceId service) {
    CredentialScope scope = signature.scope();
    if (!scope.date().equals(signature.amzDate().substring(0, 8))) {
      throw SigV4Errors.scopeDateMismatch(scope.date(), signature.amzDate());
    }
    if (!"aws4_request".equals(signature.terminator())) {
      throw SigV4Errors.wrongTerminator(signature.terminator());
    }
    if (!REGION.matcher(scope.region()).matches() && !SDK_GLOBAL_REGION.equals(scope.region())) {
      throw SigV4Errors.invalidRegion(scope.region());
    }
    if (!service.signingName().equals(scope.service())) {
      throw SigV4Errors.wrongService(service.signingName());
    }
  }

  private static void checkSkew(SignatureParameters signature, Instant now) {
    Instant signedAt = signature.signedAt();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw SigV4Errors.signatureExpired(
          signature.amzDate(), AmzDate.format(now.minus(MAX_SKEW)), AmzDate.format(now));
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw SigV4Errors.signatureNotYetCurrent(
          signature.amzDate(), AmzDate.format(now.plus(MAX_SKEW)), AmzDate.format(now));
    }
  }

  /** Temporary keys need their own token; a token on a long-term key is just as invalid. */
  private static void checkSessionToken(SignatureParameters signature, Credential credential, Instant now) {
    String sent = signature.securityToken();
    String expected = credential.sessionToken();
    boolean matches = sent == null
        ? expected == null
        : expected != null && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    if (!matches) {
      throw SigV4Errors.invalidClientToken();
    }
    if (credential.expiresAt() != null && !now.isBefore(credential.expiresAt())) {
      throw SigV4Errors.expiredToken();
    }
  }

  private static String expectedSignature(
      HttpRequest request, SignatureParameters signature, byte[] signingKey, ServiceId service) {
    boolean s3 = service == ServiceId.S3;
    String payloadHash = s3 ? S3Payload.signedHash(request, signature) : payloadHash(request, signature);
    String canonicalRequest;
    try {
      canonicalRequest = CanonicalRequest.of(request, signature, payloadHash, s3);
    } catch (IllegalArgumentException e) {
      throw SigV4Errors.signatureMismatch();
    }
    String stringToSign = SignatureParameters.ALGORITHM + '\n'
        + signature.amzDate() + '\n'
        + signature.scope().value() + '\n'
        + SignerUtils.hashCanonicalRequest(canonicalRequest);
    return BinaryUtils.toHex(SignerUtils.computeSignature(stringToSign, signingKey));
  }

  /**
   * The hash the client must have signed: {@code UNSIGNED-PAYLOAD} when it says so, otherwise the
   * body's SHA-256. A declared hash that differs from the body's fails like a bad signature.
   */
  private static String payloadHash(HttpRequest request, SignatureParameters signature) {
    String declared = request.header("x-amz-content-sha256");
    if (declared == null && signature.presigned()) {
      declared = QueryParameters.first(signature.query(), "X-Amz-Content-Sha256");
    }
    if (UNSIGNED_PAYLOAD.equals(declared)) {
      return UNSIGNED_PAYLOAD;
    }
    String actual = request.body().length == 0
        ? EMPTY_BODY_SHA256
        : BinaryUtils.toHex(SignerUtils.hash(request.body()));
    if (declared != null && isHexSha256(declared) && !declared.equals(actual)) {
      throw SigV4Errors.signatureMismatch();
    }
    return actual;
  }

  /** By hand: a regex here was a tenth of the verification time. */
  private static boolean isHexSha256(String value) {
    if (value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
