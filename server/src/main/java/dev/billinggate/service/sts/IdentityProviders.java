package dev.billinggate.service.sts;

import java.util.List;
import java.util.Optional;

/** IAM's identity provider entities, as STS reads them to verify federated sign-ins. */
public interface IdentityProviders {

  /** The OIDC provider of {@code accountId} registered for a token's {@code iss} claim (with its {@code https://}). */
  Optional<OidcProvider> openIdConnect(String accountId, String issuer);

  /** The SAML provider {@code name} of {@code accountId}. */
  Optional<SamlProvider> saml(String accountId, String name);

  /** @param url the issuer without {@code https://}, as in the provider's ARN */
  record OidcProvider(String url, List<String> clientIds) {}

  /** @param metadataDocument the IdP metadata XML registered with CreateSAMLProvider */
  record SamlProvider(String name, String metadataDocument) {}

  IdentityProviders NONE = new IdentityProviders() {
    @Override public Optional<OidcProvider> openIdConnect(String accountId, String issuer) { return Optional.empty(); }
    @Override public Optional<SamlProvider> saml(String accountId, String name) { return Optional.empty(); }
  };
}
