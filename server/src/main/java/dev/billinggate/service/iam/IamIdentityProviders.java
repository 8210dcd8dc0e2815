package dev.billinggate.service.iam;

import dev.billinggate.store.ReadTx;
import java.util.List;
import java.util.Optional;

/** What STS's federation needs of IAM: the OpenID Connect and SAML providers created with IAM's API. */
public interface IamIdentityProviders {
  /** The account's OIDC provider for {@code issuerUrl} (matched as IAM keys providers). */
  Optional<OidcProvider> openIdConnect(ReadTx tx, String accountId, String issuerUrl);

  /** The account's SAML provider named {@code name}. */
  Optional<SamlProvider> saml(ReadTx tx, String accountId, String name);

  /** @param clientIds the audiences the provider accepts */
  record OidcProvider(String url, List<String> clientIds) {}

  /** @param metadata the IdP metadata document it was created or updated with */
  record SamlProvider(String name, String metadata) {}

  /** Over IAM's tables. */
  IamIdentityProviders STORED = new StoredIamPorts();
}
