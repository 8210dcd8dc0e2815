package dev.billinggate.service.iam;

import dev.billinggate.core.ErrorCode;

/** IAM's modeled error codes with the HTTP status botocore's model gives each error shape. */
public enum IamError implements ErrorCode {
  NO_SUCH_ENTITY("NoSuchEntity", 404),
  ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
  DELETE_CONFLICT("DeleteConflict", 409),
  LIMIT_EXCEEDED("LimitExceeded", 409),
  MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
  INVALID_INPUT("InvalidInput", 400),
  VALIDATION_ERROR("ValidationError", 400),
  PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400),
  ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409),
  CONCURRENT_MODIFICATION("ConcurrentModification", 409),
  INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403),
  INVALID_USER_TYPE("InvalidUserType", 400),
  POLICY_NOT_ATTACHABLE("PolicyNotAttachable", 400),
  UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400),
  REPORT_NOT_PRESENT("ReportNotPresent", 410),
  REPORT_EXPIRED("ReportExpired", 410),
  // Centralized root access: botocore's shapes carry no error code, so the wire code is the shape
  // name, suffix included (what the SDKs match on, and what clients such as Prowler log).
  SERVICE_ACCESS_NOT_ENABLED("ServiceAccessNotEnabledException", 400),
  ACCOUNT_NOT_MANAGEMENT_OR_DELEGATED_ADMINISTRATOR("AccountNotManagementOrDelegatedAdministratorException", 400),
  ORGANIZATION_NOT_FOUND("OrganizationNotFoundException", 400),
  ORGANIZATION_NOT_IN_ALL_FEATURES_MODE("OrganizationNotInAllFeaturesModeException", 400),
  CALLER_IS_NOT_MANAGEMENT_ACCOUNT("CallerIsNotManagementAccountException", 400),
  MALFORMED_CERTIFICATE("MalformedCertificate", 400),
  DUPLICATE_CERTIFICATE("DuplicateCertificate", 409),
  KEY_PAIR_MISMATCH("KeyPairMismatch", 400),
  DUPLICATE_SSH_PUBLIC_KEY("DuplicateSSHPublicKey", 400),
  UNRECOGNIZED_PUBLIC_KEY_ENCODING("UnrecognizedPublicKeyEncoding", 400),
  INVALID_PUBLIC_KEY("InvalidPublicKey", 400),
  SERVICE_FAILURE("ServiceFailure", 500);

  private final String code;
  private final int status;

  IamError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }
}
