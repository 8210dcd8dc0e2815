package dev.billinggate.auth;

/**
 * The authenticated principal behind a request.
 *
 * @param type what kind of principal signed the request
 * @param accountId the account the principal belongs to
 * @param arn the principal's ARN as GetCallerIdentity returns it
 * @param userId the value of {@code aws:userid} (e.g. {@code AIDA...}, {@code AROA...:session},
 *     the account id for root)
 * @param accessKeyId the access key that signed the request, {@code null} for console sessions
 * @param session the temporary session, {@code null} for long-term credentials
 */
public record Caller(
    CallerType type, String accountId, String arn, String userId, String accessKeyId, Session session) {

  public boolean isRoot() {
    return type == CallerType.ROOT;
  }

  /** The IAM user or role name, {@code null} for root. */
  public String principalName() {
    int slash = arn.lastIndexOf('/');
    return switch (type) {
      case IAM_USER -> arn.substring(slash + 1);
      case ASSUMED_ROLE -> arn.substring(arn.indexOf('/') + 1, slash);
      case FEDERATED_USER -> arn.substring(slash + 1);
      case ROOT, ASSUMED_ROOT, WEB_IDENTITY_USER, SAML_USER -> null;
    };
  }
}
