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
  /** An AWS service principal such as {@code cloudtrail.amazonaws.com}. */
  SERVICE,
  ANONYMOUS
}
