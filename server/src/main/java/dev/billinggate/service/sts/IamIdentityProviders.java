package dev.billinggate.service.sts;

import dev.billinggate.store.Store;
import java.util.Optional;

/** {@link IdentityProviders} over IAM's tables: the providers created with IAM's API. */
final class IamIdentityProviders implements IdentityProviders {
  private static final dev.billinggate.service.iam.IamIdentityProviders IAM =
      dev.billinggate.service.iam.IamIdentityProviders.STORED;
  private final Store store;

  IamIdentityProviders(Store store) {
    this.store = store;
  }

  @Override
  public Optional<OidcProvider> openIdConnect(String accountId, String issuer) {
    return store.read(tx -> IAM.openIdConnect(tx, accountId, issuer))
        .map(p -> new OidcProvider(p.url(), p.clientIds()));
  }

  @Override
  public Optional<SamlProvider> saml(String accountId, String name) {
    return store.read(tx -> IAM.saml(tx, accountId, name))
        .map(p -> new SamlProvider(p.name(), p.metadata()));
  }
}
