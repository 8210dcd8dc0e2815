package dev.billinggate.service.sts;

import java.util.Optional;

/**
 * Fetches an OIDC issuer's signing keys, as STS does from the issuer's {@code jwks_uri}. billing-gate
 * is offline: only its own test issuer answers; every other issuer is unreachable.
 */
@FunctionalInterface
public interface IssuerKeys {
  /** The issuer's JWKS document, or empty when it cannot be retrieved. */
  Optional<String> jwks(String issuer);

  IssuerKeys NONE = issuer -> Optional.empty();
}
