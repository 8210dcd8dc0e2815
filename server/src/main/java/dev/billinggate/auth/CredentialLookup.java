package dev.billinggate.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds the secret and the principal behind an access key id. IAM answers for long-term keys
 * ({@code AKIA...}), STS for temporary ones ({@code ASIA...}).
 */
@FunctionalInterface
public interface CredentialLookup {

  Optional<Credential> find(String accessKeyId);

  /**
   * @param secretAccessKey the signing secret
   * @param sessionToken the token the request must carry for temporary credentials, else {@code null}
   * @param expiresAt when temporary credentials expire, else {@code null}
   * @param active {@code false} for an IAM access key whose status is {@code Inactive}
   * @param caller the principal the key belongs to
   */
  record Credential(String secretAccessKey, String sessionToken, Instant expiresAt, boolean active, Caller caller) {}
}
