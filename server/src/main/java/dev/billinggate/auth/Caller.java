package dev.billinggate.auth;

/**
 * The authenticated principal behind a request.
 *
 * @param type what kind of principal signed the request
 * @param accountId the account the principal belongs to; {@code null} for the anonymous caller
 * @param arn the principal's ARN as GetCallerIdentity returns it; {@code null} for the anonymous caller
 * @param userId the value of {@code aws:userid} (e.g. {@code AIDA...}, {@code AROA...:session},
 *     the account id for root, {@code anonymous})
 * @param accessKeyId the access key that signed the request, {@code null} for console sessions
 * @param session the temporary session, {@code null} for long-term credentials
 */
public record Caller(
    CallerType type, String accountId, String arn, String userId, String accessKeyId, Session session) {

  private static final Caller ANONYMOUS = new Caller(CallerType.ANONYMOUS, null, null, "anonymous", null, null);

  /** The principal of an unsigned request: AWS's {@code aws:userid} for it is {@code anonymous}. */
  public static Caller anonymous() {
    return ANONYMOUS;
  }

  public boolean isAnonymous() {
    return type == CallerType.ANONYMOUS;
  }

  public boolean isRoot() {
    return type == CallerType.ROOT;
  }

  /** The IAM user or role name, {@code null} for root and the anonymous caller. */
  public String principalName() {
    return switch (type) {
      case IAM_USER, FEDERATED_USER -> arn.substring(arn.lastIndexOf('/') + 1);
      case ASSUMED_ROLE -> arn.substring(arn.indexOf('/') + 1, arn.lastIndexOf('/'));
      case ROOT, ASSUMED_ROOT, WEB_IDENTITY_USER, SAML_USER, ANONYMOUS -> null;
    };
  }
}
