package dev.billinggate.auth.sigv4;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import java.util.List;

/**
 * The errors AWS answers a badly signed request with, with AWS's own wording. Codes come from
 * {@link CommonError}, so the protocol writer picks the JSON variant ({@code
 * UnrecognizedClientException}, {@code InvalidSignatureException}, ...) where it differs.
 */
final class SigV4Errors {
  static final String INVALID_TOKEN = "The security token included in the request is invalid.";
  static final String EXPIRED_TOKEN = "The security token included in the request is expired";
  static final String SIGNATURE_MISMATCH =
      "The request signature we calculated does not match the signature you provided. Check your AWS"
          + " Secret Access Key and signing method. Consult the service documentation for details.";

  private SigV4Errors() {}

  static AwsException missingAuthenticationToken() {
    return CommonError.MISSING_AUTHENTICATION_TOKEN.exception("Request is missing Authentication Token");
  }

  static AwsException invalidClientToken() {
    return CommonError.INVALID_CLIENT_TOKEN_ID.exception(INVALID_TOKEN);
  }

  static AwsException expiredToken() {
    return CommonError.EXPIRED_TOKEN.exception(EXPIRED_TOKEN);
  }

  static AwsException signatureMismatch() {
    return CommonError.SIGNATURE_DOES_NOT_MATCH.exception(SIGNATURE_MISMATCH);
  }

  /** One sentence per missing part, then the header as sent, as AWS words it. */
  static AwsException incompleteAuthorization(
      List<String> missingParameters, boolean dateMissing, String header) {
    StringBuilder message = new StringBuilder();
    for (String parameter : missingParameters) {
      message.append("Authorization header requires '").append(parameter).append("' parameter. ");
    }
    if (dateMissing) {
      message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    message.append("Authorization=").append(header);
    return CommonError.INCOMPLETE_SIGNATURE.exception(message.toString());
  }

  static AwsException missingEqualSign(String part, String header) {
    return CommonError.INCOMPLETE_SIGNATURE.exception(
        "'%s' not a valid key=value pair (missing equal-sign) in Authorization header: '%s'.", part, header);
  }

  static AwsException malformedCredential(String credential) {
    return CommonError.INCOMPLETE_SIGNATURE.exception(
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '%s'",
        credential);
  }

  static AwsException malformedDate(String value) {
    return CommonError.INCOMPLETE_SIGNATURE.exception(
        "Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601", value);
  }

  static AwsException hostNotSigned() {
    return CommonError.INCOMPLETE_SIGNATURE.exception(
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  static AwsException missingQueryParameters(List<String> missing) {
    StringBuilder message = new StringBuilder();
    for (String parameter : missing) {
      message.append("AWS query-string parameters must include '").append(parameter).append("'. ");
    }
    return CommonError.INCOMPLETE_SIGNATURE.exception(message + "Re-examine the query-string parameters.");
  }

  static AwsException unsupportedQueryAlgorithm(String algorithm) {
    return CommonError.INCOMPLETE_SIGNATURE.exception(
        "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\", not \"%s\"", algorithm);
  }

  static AwsException invalidExpires(String value) {
    return CommonError.INCOMPLETE_SIGNATURE.exception(isNumber(value)
        ? "X-Amz-Expires must be less than a week (in seconds) that is 604800"
        : "X-Amz-Expires should be a number");
  }

  static AwsException scopeDateMismatch(String scopeDate, String amzDate) {
    return CommonError.SIGNATURE_DOES_NOT_MATCH.exception(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.",
        scopeDate, amzDate.substring(0, 8), amzDate);
  }

  static AwsException invalidRegion(String region) {
    return CommonError.SIGNATURE_DOES_NOT_MATCH.exception(
        "Credential should be scoped to a valid region, not '%s'. ", region);
  }

  static AwsException wrongService(String expected) {
    return CommonError.SIGNATURE_DOES_NOT_MATCH.exception(
        "Credential should be scoped to correct service: '%s'. ", expected);
  }

  static AwsException wrongTerminator(String terminator) {
    return CommonError.SIGNATURE_DOES_NOT_MATCH.exception(
        "Credential should be scoped with a valid terminator: 'aws4_request', not '%s'. ", terminator);
  }

  static AwsException signatureExpired(String signedAt, String earliest, String now) {
    return CommonError.SIGNATURE_DOES_NOT_MATCH.exception(
        "Signature expired: %s is now earlier than %s (%s - 15 min.)", signedAt, earliest, now);
  }

  static AwsException signatureNotYetCurrent(String signedAt, String latest, String now) {
    return CommonError.SIGNATURE_DOES_NOT_MATCH.exception(
        "Signature not yet current: %s is still later than %s (%s + 15 min.)", signedAt, latest, now);
  }

  private static boolean isNumber(String value) {
    return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
  }
}
