package dev.billinggate.policy;

/**
 * The requesting principal as the evaluation rules need it.
 *
 * @param kind what the principal is
 * @param arn the principal ARN (for a role session: {@code arn:aws:sts::A:assumed-role/R/S}; for the
 *     root user and AssumeRoot sessions: {@code arn:aws:iam::A:root}); for a service principal its
 *     name ({@code cloudtrail.amazonaws.com}); {@code null} when anonymous
 * @param accountId the principal's account; {@code null} for service principals and anonymous
 * @param issuerArn role ARN for role sessions, IAM user ARN for federated users, else {@code null}
 * @param managementAccount whether the principal's account is an organization's management account
 *     (SCPs do not apply then)
 */
public record Principal(PrincipalKind kind, String arn, String accountId, String issuerArn, boolean managementAccount) {}
