package dev.billinggate.service.sts;

import dev.billinggate.core.ErrorCode;

/** STS's modeled error codes with botocore's HTTP statuses (AccessDenied is common, in CommonError). */
public enum StsError implements ErrorCode {
  MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
  PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
  REGION_DISABLED("RegionDisabledException", 403),
  EXPIRED_TOKEN("ExpiredTokenException", 400),
  IDP_REJECTED_CLAIM("IDPRejectedClaim", 403),
  IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400),
  INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400),
  INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400);

  private final String code;
  private final int status;

  StsError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }
}
