package dev.billinggate.service.sts;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.iam.IamOrganizations;
import dev.billinggate.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** STS. Shares IAM's environment: sessions read roles, users and MFA devices from IAM's tables. */
public final class StsService implements ServiceHandler {
  private final SessionOperations sessions;
  private final IdentityOperations identity;
  private final AssumeRootOperations assumeRoot;
  private final FederationOperations federation;

  public StsService(Store store, PolicyEngine engine, AwsManagedPolicies awsPolicies, Clock clock, AwsIds ids) {
    this(new IamEnv(store, engine, awsPolicies, clock, ids));
  }

  public StsService(IamEnv env) {
    this(env, IamOrganizations.NONE);
  }

  /** @param organizations the caller's and target's organizations, for AssumeRoot */
  public StsService(IamEnv env, IamOrganizations organizations) {
    this(env, organizations, IssuerKeys.NONE);
  }

  /** @param issuerKeys where OIDC issuers' keys are fetched from (offline: the built-in test IdP) */
  public StsService(IamEnv env, IamOrganizations organizations, IssuerKeys issuerKeys) {
    this.sessions = new SessionOperations(env);
    this.identity = new IdentityOperations(env);
    this.assumeRoot = new AssumeRootOperations(env, organizations, sessions);
    this.federation = new FederationOperations(env, sessions, new IamIdentityProviders(env.store()),
        issuerKeys);
  }

  @Override
  public ServiceId service() {
    return ServiceId.STS;
  }

  @Override
  public void register(OperationTable table) {
    for (Consumer<OperationTable> part : List.<Consumer<OperationTable>>of(sessions::register, identity::register,
        assumeRoot::register, federation::register)) {
      part.accept(table);
    }
  }

  public SessionOperations sessions() { return sessions; }
  public IdentityOperations identity() { return identity; }
  public AssumeRootOperations assumeRoot() { return assumeRoot; }
}
