package dev.billinggate.auth.sigv4;

/**
 * The scope a request was signed for: {@code <date>/<region>/<service>/aws4_request}.
 *
 * @param date {@code yyyyMMdd}
 */
public record CredentialScope(String date, String region, String service) {

  /** The scope line of the string to sign. */
  public String value() {
    return date + '/' + region + '/' + service + "/aws4_request";
  }
}
