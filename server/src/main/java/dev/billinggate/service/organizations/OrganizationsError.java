package dev.billinggate.service.organizations;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ErrorCode;
import java.util.Map;

/**
 * The error codes of AWS Organizations (botocore {@code organizations/2016-11-28}). The model gives
 * none of them an explicit HTTP status, so all are the awsJson 1.1 default 400 (AWS answers
 * TooManyRequestsException with 400 too, which is why botocore retries it by code, not by status).
 */
public enum OrganizationsError implements ErrorCode {
  AWS_ORGANIZATIONS_NOT_IN_USE("AWSOrganizationsNotInUseException"),
  ACCESS_DENIED("AccessDeniedException"),
  ACCOUNT_ALREADY_CLOSED("AccountAlreadyClosedException"),
  ACCOUNT_ALREADY_REGISTERED("AccountAlreadyRegisteredException"),
  ACCOUNT_NOT_FOUND("AccountNotFoundException"),
  ACCOUNT_NOT_REGISTERED("AccountNotRegisteredException"),
  ACCOUNT_OWNER_NOT_VERIFIED("AccountOwnerNotVerifiedException"),
  ALREADY_IN_ORGANIZATION("AlreadyInOrganizationException"),
  CHILD_NOT_FOUND("ChildNotFoundException"),
  CONCURRENT_MODIFICATION("ConcurrentModificationException"),
  CONFLICT("ConflictException"),
  CONSTRAINT_VIOLATION("ConstraintViolationException"),
  CREATE_ACCOUNT_STATUS_NOT_FOUND("CreateAccountStatusNotFoundException"),
  DESTINATION_PARENT_NOT_FOUND("DestinationParentNotFoundException"),
  DUPLICATE_ACCOUNT("DuplicateAccountException"),
  DUPLICATE_HANDSHAKE("DuplicateHandshakeException"),
  DUPLICATE_ORGANIZATIONAL_UNIT("DuplicateOrganizationalUnitException"),
  DUPLICATE_POLICY_ATTACHMENT("DuplicatePolicyAttachmentException"),
  DUPLICATE_POLICY("DuplicatePolicyException"),
  EFFECTIVE_POLICY_NOT_FOUND("EffectivePolicyNotFoundException"),
  HANDSHAKE_ALREADY_IN_STATE("HandshakeAlreadyInStateException"),
  HANDSHAKE_CONSTRAINT_VIOLATION("HandshakeConstraintViolationException"),
  HANDSHAKE_NOT_FOUND("HandshakeNotFoundException"),
  INVALID_HANDSHAKE_TRANSITION("InvalidHandshakeTransitionException"),
  INVALID_INPUT("InvalidInputException"),
  MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocumentException"),
  MASTER_CANNOT_LEAVE_ORGANIZATION("MasterCannotLeaveOrganizationException"),
  ORGANIZATION_NOT_EMPTY("OrganizationNotEmptyException"),
  ORGANIZATIONAL_UNIT_NOT_EMPTY("OrganizationalUnitNotEmptyException"),
  ORGANIZATIONAL_UNIT_NOT_FOUND("OrganizationalUnitNotFoundException"),
  PARENT_NOT_FOUND("ParentNotFoundException"),
  POLICY_IN_USE("PolicyInUseException"),
  POLICY_NOT_ATTACHED("PolicyNotAttachedException"),
  POLICY_NOT_FOUND("PolicyNotFoundException"),
  POLICY_TYPE_ALREADY_ENABLED("PolicyTypeAlreadyEnabledException"),
  POLICY_TYPE_NOT_AVAILABLE_FOR_ORGANIZATION("PolicyTypeNotAvailableForOrganizationException"),
  POLICY_TYPE_NOT_ENABLED("PolicyTypeNotEnabledException"),
  RESOURCE_POLICY_NOT_FOUND("ResourcePolicyNotFoundException"),
  ROOT_NOT_FOUND("RootNotFoundException"),
  SOURCE_PARENT_NOT_FOUND("SourceParentNotFoundException"),
  TARGET_NOT_FOUND("TargetNotFoundException"),
  TOO_MANY_REQUESTS("TooManyRequestsException");

  private final String code;

  OrganizationsError(String code) {
    this.code = code;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return 400; }

  /** For the errors whose shape carries a {@code Reason} member. */
  public AwsException withReason(String reason, String message) {
    return new AwsException(this, message, Map.of("Reason", reason));
  }

  // AWS's texts, as clients log them (aws-samples/aws-iam-access-key-auto-rotation#10,
  // org-formation-cli#280/#7) or as the botocore model documents the error shape.
  static AwsException accessDenied() {
    return ACCESS_DENIED.exception("You don't have permissions to access this resource.");
  }

  static AwsException notInUse() {
    return AWS_ORGANIZATIONS_NOT_IN_USE.exception(
        "Your account is not a member of an organization.");
  }

  static AwsException constraint(String reason, String message) {
    return CONSTRAINT_VIOLATION.withReason(reason, message);
  }

  static AwsException invalidInput(String reason, String message) {
    return INVALID_INPUT.withReason(reason, message);
  }

  static AwsException accountNotFound() {
    return ACCOUNT_NOT_FOUND.exception(
        "You specified an account that doesn't exist.");
  }
}
