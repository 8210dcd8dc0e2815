package dev.billinggate.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a temporary-credential session carries, as STS issued it.
 *
 * @param issuerArn the role ARN (AssumeRole), the IAM user ARN that federated (GetFederationToken,
 *     GetSessionToken) or {@code arn:aws:iam::<target>:root} (AssumeRoot)
 * @param issuerId the role id or user id of the issuer
 * @param sessionName the role session name or federated user name
 * @param inlinePolicy session policy JSON passed as {@code Policy}, or {@code null}
 * @param policyArns managed session policies passed as {@code PolicyArns}, or the AssumeRoot task policy
 * @param tags session tags (principal tags for the session's lifetime)
 * @param transitiveTagKeys keys of tags that pass on to chained sessions
 */
public record Session(
    String issuerArn,
    String issuerId,
    String sessionName,
    Instant issuedAt,
    Instant expiresAt,
    String inlinePolicy,
    List<String> policyArns,
    Map<String, String> tags,
    List<String> transitiveTagKeys,
    String sourceIdentity,
    boolean mfaAuthenticated) {

  public Session {
    policyArns = List.copyOf(policyArns);
    tags = Map.copyOf(tags);
    transitiveTagKeys = List.copyOf(transitiveTagKeys);
  }
}
