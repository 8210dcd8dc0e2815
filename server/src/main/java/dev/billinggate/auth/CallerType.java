package dev.billinggate.auth;

/** Kinds of authenticated callers, as AWS tells them apart in {@code aws:PrincipalType}. */
public enum CallerType {
  /** The account root user signing with root access keys (or signed in to the console). */
  ROOT("Account"),
  IAM_USER("User"),
  /** A role session from AssumeRole ({@code arn:aws:sts::A:assumed-role/R/S}). */
  ASSUMED_ROLE("AssumedRole"),
  /** A GetFederationToken session ({@code arn:aws:sts::A:federated-user/N}). */
  FEDERATED_USER("FederatedUser"),
  /** An AssumeRoot session: root of a member account, limited by a task policy. */
  ASSUMED_ROOT("Account"),
  /**
   * A user of an OpenID Connect provider presenting its token to AssumeRoleWithWebIdentity; the
   * caller's ARN is the IAM OIDC provider's (what a trust policy's {@code Federated} names).
   */
  WEB_IDENTITY_USER("WebIdentityUser"),
  /** A user of a SAML provider presenting an assertion to AssumeRoleWithSAML; the ARN is the SAML provider's. */
  SAML_USER("SAMLUser"),
  /**
   * Nobody: an unsigned request to a service that serves them (S3). It belongs to no account, has no
   * ARN and no policies of its own; only a resource policy naming {@code *} can let it in.
   */
  ANONYMOUS("Anonymous");

  private final String principalType;

  CallerType(String principalType) {
    this.principalType = principalType;
  }

  /** Value of the {@code aws:PrincipalType} condition key. */
  public String principalType() {
    return principalType;
  }
}
