package dev.billinggate.policy;

/** The principal kinds the evaluation rules tell apart. */
public enum PrincipalKind {
  ROOT,
  IAM_USER,
  /** Role session; {@link Principal#issuerArn()} is the role ARN. */
  ROLE_SESSION,
  /** Service-linked role session: SCPs do not apply. */
  SERVICE_LINKED_ROLE_SESSION,
  /** GetFederationToken session; {@link Principal#issuerArn()} is the IAM user ARN. */
  FEDERATED_USER,
  /** AssumeRoot session acting as the member account's root, limited by its task policy. */
  ASSUMED_ROOT,
  /**
   * A user of an external identity provider (OIDC or SAML) asking to assume a role; its ARN is the
   * IAM provider's, matched by a trust policy's {@code Federated} principal. It has no policies of
   * its own: the trust policy alone decides, and SCPs do not apply (it belongs to no account).
   */
  FEDERATED_IDENTITY,
  /** An AWS service principal such as {@code cloudtrail.amazonaws.com}. */
  SERVICE,
  ANONYMOUS
}
