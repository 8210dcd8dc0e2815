package dev.billinggate.app;

import dev.billinggate.emulator.StateControl.TwinLoaded;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.iam.AccountImport;
import dev.billinggate.service.iam.IamSchema;
import dev.billinggate.service.organizations.OrganizationImport;
import dev.billinggate.store.Store;
import dev.billinggate.store.WriteTx;
import dev.billinggate.twin.Twin;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a twin's organization in an emulator that holds nothing but its bootstrap account, in one
 * write: everything or, when anything fails, nothing. Ids, emails, names, states, the tree,
 * policies and attachments, trusted access, delegated administrators, the resource policy, root
 * features and root credential presence are the twin's; so are the roles and their policies when
 * the twin has them ({@code --iam}), else members get the access role CreateAccount gives
 * ({@code OrganizationAccountAccessRole}). Root credentials that were not audited are what
 * CreateAccount would leave.
 */
final class TwinLoader {
  static final String ACCESS_ROLE = "OrganizationAccountAccessRole";

  private final Store store;
  private final AccountImport iam;
  private final Clock clock;

  TwinLoader(Store store, AccountImport iam, Clock clock) {
    this.store = store;
    this.iam = iam;
    this.clock = clock;
  }

  /**
   * @param unknownBillingOn the billing switch of accounts whose switch the twin does not know
   * @throws IllegalStateException when the emulator already holds an organization or other accounts
   */
  TwinLoaded load(Twin twin, boolean unknownBillingOn) {
    return store.write(tx -> {
      if (OrganizationImport.anyOrganization(tx) || iam.accounts(tx) > 1) {
        throw new IllegalStateException("the emulator is not empty (it holds an organization or accounts besides"
            + " the bootstrap account " + Bootstrap.ACCOUNT_ID + "): a twin loads only into a fresh one (serve"
            + " --in-memory or a new --data directory; without --from-twin, --data serves what it holds)");
      }
      return build(tx, twin, unknownBillingOn);
    });
  }

  private TwinLoaded build(WriteTx tx, Twin twin, boolean unknownBillingOn) {
    Instant now = clock.instant();
    List<String> notLoaded = new ArrayList<>();
    Twin.Organization org = twin.organization();
    Twin.Root root = twin.roots().get(0);
    boolean managed = twin.rootAccess().enabled("RootCredentialsManagement");
    iam.rootFeatures(tx, org.id(), managed, twin.rootAccess().enabled("RootSessions"));
    Twin.Account management = twin.accounts().stream().filter(a -> a.id().equals(org.managementAccountId()))
        .findFirst().orElseThrow();
    IamSchema.AccessKey managementKey = null;
    if (management.id().equals(Bootstrap.ACCOUNT_ID)) {
      iam.rename(tx, management.id(), management.email(), management.name());
    } else {
      if (twin.accounts().stream().anyMatch(a -> a.id().equals(Bootstrap.ACCOUNT_ID))) {
        throw new IllegalArgumentException("the twin's member account " + Bootstrap.ACCOUNT_ID + " is the emulator's"
            + " bootstrap account; it can be loaded only as the organization's management account");
      }
      iam.standalone(tx, management.id(), management.email(), management.name());
      managementKey = iam.newRootAccessKey(tx, management.id());
    }
    OrganizationImport.organization(tx, org.id(), org.featureSet(), management.id(), management.email(),
        management.name(), root.id(), root.enabledPolicyTypes(), now);
    OrganizationImport.tags(tx, org.id(), root.id(), root.tags());
    Map<String, Integer> depth = new HashMap<>(Map.of(root.id(), 0));
    for (Twin.Ou ou : twin.organizationalUnits()) {
      depth.put(ou.id(), depth.get(ou.parentId()) + 1);
      OrganizationImport.ou(tx, org.id(), ou.id(), ou.name(), ou.parentId(), depth.get(ou.id()));
      OrganizationImport.tags(tx, org.id(), ou.id(), ou.tags());
    }
    for (Twin.Account account : twin.accounts()) {
      boolean withRoles = account.iam() != null && account.iam().error() == null;
      if (!account.id().equals(management.id())) {
        if (withRoles) {
          iam.memberWithoutRoles(tx, account.id(), account.email(), account.name(), org.id());
        } else {
          iam.member(tx, account.id(), account.email(), account.name(), ACCESS_ROLE, management.id(), org.id());
        }
        rootCredentials(tx, account.id(), account.rootCredentials(), managed);
      }
      if (withRoles) {
        roles(tx, account.id(), account.iam(), notLoaded);
      }
      OrganizationImport.account(tx, org.id(), account.id(), account.email(), account.name(), account.state(),
          account.joinedMethod(), account.joinedAt(), account.parentId(), "ACTIVE".equals(account.state()) ? null : now);
      OrganizationImport.tags(tx, org.id(), account.id(), account.tags());
      BillingAccess.set(tx, account.id(), switch (account.billing().access()) {
        case ON -> true;
        case OFF -> false;
        case UNKNOWN -> unknownBillingOn;
      });
    }
    for (Twin.Policy policy : twin.policies()) {
      OrganizationImport.policy(tx, org.id(), policy.id(), policy.name(), policy.description(), policy.type(),
          policy.awsManaged(), policy.content());
      OrganizationImport.tags(tx, org.id(), policy.id(), policy.tags());
      for (String target : policy.targets()) {
        OrganizationImport.attach(tx, org.id(), policy.id(), target, policy.type());
      }
    }
    twin.trustedAccess().forEach(s -> OrganizationImport.serviceAccess(tx, org.id(), s.servicePrincipal(),
        s.enabledAt() == null ? now : s.enabledAt()));
    twin.delegatedAdministrators().forEach(d -> OrganizationImport.delegatedAdministrator(tx, org.id(), d.accountId(),
        d.servicePrincipal(), d.enabledAt() == null ? now : d.enabledAt()));
    if (twin.resourcePolicy() != null) {
      OrganizationImport.resourcePolicy(tx, org.id(), twin.resourcePolicy().id(), twin.resourcePolicy().content());
    }
    return new TwinLoaded(org.id(), twin.accounts().size(), management.id(),
        managementKey == null ? null : managementKey.accessKeyId(),
        managementKey == null ? null : managementKey.secret(), notLoaded);
  }

  /**
   * The account's roles as {@code --iam} read them: customer managed policies first, then each role, its
   * attachments and inline policies. What this emulator cannot hold is listed in {@code notLoaded}.
   */
  private void roles(WriteTx tx, String accountId, Twin.Iam recorded, List<String> notLoaded) {
    recorded.customerPolicies().forEach(p -> iam.customerPolicy(tx, accountId, p.name(), p.path(), p.document()));
    for (Twin.Role role : recorded.roles()) {
      if (!iam.role(tx, accountId, role.name(), role.path(), role.trustPolicy())) {
        notLoaded.add("role " + role.name() + " in " + accountId + ": the emulator already has it");
        continue;
      }
      for (String arn : role.attachedPolicyArns()) {
        if (!iam.attachToRole(tx, accountId, role.name(), arn)) {
          notLoaded.add("policy " + arn + " on role " + role.name() + " in " + accountId + ": unknown to billing-gate");
        }
      }
      role.inlinePolicies().forEach((name, document) -> iam.inlineRolePolicy(tx, accountId, role.name(), name,
          document));
    }
  }

  /** As recorded when audited; otherwise what CreateAccount left (member provisioning already did it). */
  private void rootCredentials(WriteTx tx, String accountId, Twin.RootCredentials root, boolean managed) {
    if (root.audit() != Twin.RootCredentials.Audit.AUDITED) {
      return;
    }
    iam.rootPassword(tx, accountId, root.password(), !managed);
    root.accessKeys().forEach(k -> iam.rootAccessKey(tx, accountId, k.id(), k.status(), k.lastUsed()));
    root.mfaDevices().forEach(serial -> iam.rootMfaDevice(tx, accountId, serial));
    root.signingCertificates().forEach(id -> iam.rootSigningCertificate(tx, accountId, id));
  }
}
