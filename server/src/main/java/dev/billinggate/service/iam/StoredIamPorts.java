package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.CredentialLookup.Credential;
import dev.billinggate.service.iam.IamSchema.AccessKey;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.Optional;

/** IAM's ports for other services, over IAM's tables, in the caller's transaction. Stateless. */
final class StoredIamPorts implements IamRoles, IamCredentials, IamIdentityProviders {
  @Override
  public Optional<AssumableRole> find(ReadTx tx, String roleArn) {
    String account = IamArns.account(roleArn);
    if (account == null || !"role".equals(IamArns.resourceType(roleArn))) {
      return Optional.empty();
    }
    return tx.get(IamSchema.ROLES, key(account, IamArns.name(roleArn)))
        .filter(r -> IamArns.role(account, r.path(), r.name()).equals(roleArn))
        .map(StoredIamPorts::assumable);
  }

  private static AssumableRole assumable(Role r) {
    return new AssumableRole(r.accountId(), r.name(), r.id(), r.path(), r.trustPolicy(), r.tags(),
        r.maxSessionDuration());
  }

  @Override
  public void markUsed(WriteTx tx, AssumableRole role, Instant at, String region) {
    String roleKey = key(role.accountId(), role.name());
    tx.get(IamSchema.ROLES, roleKey).ifPresent(current -> tx.put(IamSchema.ROLES, roleKey, current.usedAt(at, region)));
  }

  @Override
  public Optional<Credential> accessKey(ReadTx tx, String accessKeyId) {
    return AccessKeyOperations.byId(tx, accessKeyId).flatMap(k -> owner(tx, k)
        .map(caller -> new Credential(k.secret(), null, null, "Active".equals(k.status()), caller)));
  }

  private static Optional<Caller> owner(ReadTx tx, AccessKey k) {
    String account = k.accountId();
    if (k.ownedByRoot()) {
      return Optional.of(new Caller(CallerType.ROOT, account, IamArns.root(account), account, k.accessKeyId(), null));
    }
    return tx.get(IamSchema.USERS, key(account, k.userName())).map(u -> new Caller(CallerType.IAM_USER, account,
        IamArns.user(account, u.path(), u.name()), u.id(), k.accessKeyId(), null));
  }

  @Override
  public Optional<String> accessKeyAccount(ReadTx tx, String accessKeyId) {
    return AccessKeyOperations.byId(tx, accessKeyId).map(AccessKey::accountId);
  }

  @Override
  public Optional<String> enabledMfaDevice(ReadTx tx, String accountId, String userKey) {
    return tx.scan(IamSchema.MFA_DEVICES, accountId + "/", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value)
        .filter(d -> d.enableDate() != null && userKey.equalsIgnoreCase(String.valueOf(d.userName())))
        .map(IamSchema.MfaDevice::serialNumber)
        .findFirst();
  }

  @Override
  public boolean mfaCodeMatches(ReadTx tx, String accountId, String userKey, String serialNumber, String code,
      Instant now, int window) {
    return MfaOperations.enabledDevice(tx, accountId, userKey, serialNumber)
        .map(device -> Totp.matches(Base32.decode(device.seedBase32()), now, code, window))
        .orElse(false);
  }

  @Override
  public boolean rootHasMfaDevice(ReadTx tx, String accountId) {
    return tx.scan(IamSchema.MFA_DEVICES, accountId + "/", null, Integer.MAX_VALUE).stream()
        .anyMatch(e -> IamSchema.ROOT_USER.equals(e.value().userName()));
  }

  @Override
  public Optional<OidcProvider> openIdConnect(ReadTx tx, String accountId, String issuerUrl) {
    return OpenIdConnectProviderOperations.find(tx, accountId, issuerUrl)
        .map(p -> new OidcProvider(p.url(), p.clientIds()));
  }

  @Override
  public Optional<SamlProvider> saml(ReadTx tx, String accountId, String name) {
    return SamlProviderOperations.find(tx, IamArns.samlProvider(accountId, name))
        .map(p -> new SamlProvider(p.name(), p.metadata()));
  }
}
