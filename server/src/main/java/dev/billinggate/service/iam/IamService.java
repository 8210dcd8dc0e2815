package dev.billinggate.service.iam;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * IAM: registers every implemented operation. The app builds one, opens the store with
 * {@link #tables()}, creates the bootstrap account through {@link #accounts()} and its admin through
 * the operation classes.
 */
public final class IamService implements ServiceHandler {
  private final AccountRegistry accounts;
  private final IamSignIn signIn;
  private final UserOperations users;
  private final GroupOperations groups;
  private final RoleOperations roles;
  private final ManagedPolicyOperations managedPolicies;
  private final AttachmentOperations attachments;
  private final InlinePolicyOperations inlinePolicies;
  private final AccessKeyOperations accessKeys;
  private final LoginProfileOperations loginProfiles;
  private final MfaOperations mfa;
  private final AccountOperations account;
  private final TagOperations tags;
  private final SimulationOperations simulation;
  private final IdentityPolicies identityPolicies;
  private final AbsentResourceListings absentListings;
  private final AuthorizationDetailsOperations authorizationDetails;
  private final ContextKeyOperations contextKeys;
  private final MemberAccounts memberAccounts;
  private final AccountImport accountImport;
  private final CredentialReportOperations credentialReports;
  private final RootAccessOperations rootAccess;
  private final SigningCertificateOperations signingCertificates;
  private final OpenIdConnectProviderOperations oidcProviders;
  private final InstanceProfileOperations instanceProfiles;
  private final SamlProviderOperations samlProviders;
  private final ServerCertificateOperations serverCertificates;
  private final SshPublicKeyOperations sshPublicKeys;
  private final ServiceLinkedRoleOperations serviceLinkedRoles;

  public IamService(Store store, PolicyEngine engine, AwsManagedPolicies awsPolicies, Clock clock, AwsIds ids) {
    this(new IamEnv(store, engine, awsPolicies, clock, ids), Passwords.standard());
  }

  public IamService(IamEnv env, Passwords passwords) {
    this(env, passwords, IamOrganizations.NONE);
  }

  /** @param organizations the account's organization, for centralized root access */
  public IamService(IamEnv env, Passwords passwords, IamOrganizations organizations) {
    this(env, passwords, organizations, ServiceLinkedRoleOperations.DEFAULT_DELETION_DELAY);
  }

  /** @param deletionDelay how long a service-linked role's deletion task stays IN_PROGRESS; zero: none */
  public IamService(IamEnv env, Passwords passwords, IamOrganizations organizations, Duration deletionDelay) {
    IamLookups lookups = new IamLookups(env.awsPolicies());
    this.accounts = new AccountRegistry(env, passwords);
    this.users = new UserOperations(env, lookups);
    this.groups = new GroupOperations(env, lookups);
    this.roles = new RoleOperations(env, lookups);
    this.managedPolicies = new ManagedPolicyOperations(env, lookups);
    this.attachments = new AttachmentOperations(env, lookups);
    this.inlinePolicies = new InlinePolicyOperations(env, lookups);
    this.accessKeys = new AccessKeyOperations(env, lookups);
    this.loginProfiles = new LoginProfileOperations(env, lookups, passwords);
    this.signIn = new PasswordSignIn(env.store(), accounts, loginProfiles);
    this.mfa = new MfaOperations(env, lookups);
    this.account = new AccountOperations(env, lookups);
    this.tags = new TagOperations(env, lookups);
    this.identityPolicies = new IdentityPolicies(lookups);
    this.simulation = new SimulationOperations(env, identityPolicies, organizations);
    this.absentListings = new AbsentResourceListings(env, lookups);
    this.authorizationDetails = new AuthorizationDetailsOperations(env, lookups);
    this.contextKeys = new ContextKeyOperations(env, identityPolicies);
    this.memberAccounts = new MemberAccounts(env, accounts, roles, attachments, accessKeys);
    this.accountImport = new AccountImport(env, accounts, memberAccounts, attachments);
    this.credentialReports = new CredentialReportOperations(env, lookups);
    this.rootAccess = new RootAccessOperations(env, organizations);
    this.signingCertificates = new SigningCertificateOperations(env, lookups);
    this.oidcProviders = new OpenIdConnectProviderOperations(env);
    this.instanceProfiles = new InstanceProfileOperations(env, lookups);
    this.samlProviders = new SamlProviderOperations(env);
    this.serverCertificates = new ServerCertificateOperations(env);
    this.sshPublicKeys = new SshPublicKeyOperations(env, lookups);
    this.serviceLinkedRoles = new ServiceLinkedRoleOperations(env, lookups, roles, attachments, deletionDelay);
  }

  @Override
  public ServiceId service() {
    return ServiceId.IAM;
  }

  @Override
  public void register(OperationTable table) {
    for (Consumer<OperationTable> part : List.<Consumer<OperationTable>>of(users::register, groups::register,
        roles::register, managedPolicies::register, attachments::register, inlinePolicies::register,
        accessKeys::register, loginProfiles::register, mfa::register, account::register, tags::register,
        simulation::register, absentListings::register, authorizationDetails::register, contextKeys::register,
        credentialReports::register, rootAccess::register, signingCertificates::register, oidcProviders::register,
        instanceProfiles::register, samlProviders::register, serverCertificates::register, sshPublicKeys::register,
        serviceLinkedRoles::register)) {
      part.accept(table);
    }
  }

  public AccountRegistry accounts() { return accounts; }
  /** The console's sign-in port. */
  public IamSignIn signIn() { return signIn; }
  /** What the app's Organizations {@code AccountProvisioner} delegates account creation to. */
  public MemberAccounts memberAccounts() { return memberAccounts; }
  public AccountImport accountImport() { return accountImport; }
  public UserOperations users() { return users; }
  public GroupOperations groups() { return groups; }
  public RoleOperations roles() { return roles; }
  public ManagedPolicyOperations managedPolicies() { return managedPolicies; }
  public AttachmentOperations attachments() { return attachments; }
  public InlinePolicyOperations inlinePolicies() { return inlinePolicies; }
  public AccessKeyOperations accessKeys() { return accessKeys; }
  public LoginProfileOperations loginProfiles() { return loginProfiles; }
  public MfaOperations mfa() { return mfa; }
  public AccountOperations account() { return account; }
  public TagOperations tags() { return tags; }
  public SimulationOperations simulation() { return simulation; }
  public CredentialReportOperations credentialReports() { return credentialReports; }
  public SigningCertificateOperations signingCertificates() { return signingCertificates; }
  /** What the authorizer reads a principal's policies from. */
  public IdentityPolicies identityPolicies() { return identityPolicies; }
}
