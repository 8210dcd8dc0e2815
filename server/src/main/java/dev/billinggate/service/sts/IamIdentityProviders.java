package dev.billinggate.service.sts;

import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.OpenIdConnectProviderOperations;
import dev.billinggate.service.iam.SamlProviderOperations;
import dev.billinggate.store.Store;
import java.util.Optional;

/** {@link IdentityProviders} over IAM's tables: the providers created with IAM's API. */
final class IamIdentityProviders implements IdentityProviders {
  private final Store store;

  IamIdentityProviders(Store store) {
    this.store = store;
  }

  @Override
  public Optional<OidcProvider> openIdConnect(String accountId, String issuer) {
    return store.read(tx -> OpenIdConnectProviderOperations.find(tx, accountId, issuer))
        .map(p -> new OidcProvider(p.url(), p.clientIds()));
  }

  @Override
  public Optional<SamlProvider> saml(String accountId, String name) {
    return store.read(tx -> SamlProviderOperations.find(tx, IamArns.samlProvider(accountId, name)))
        .map(p -> new SamlProvider(p.name(), p.metadata()));
  }
}
