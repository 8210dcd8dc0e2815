package dev.billinggate.service.iam;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;

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
    this(env, passwords, organizations, DEFAULT_SERVICE_LINKED_ROLE_DELETION_DELAY);
  }

  /** How long a service-linked role's deletion task stays IN_PROGRESS unless configured. */
  public static final Duration DEFAULT_SERVICE_LINKED_ROLE_DELETION_DELAY = Duration.ofSeconds(2);

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
  UserOperations users() { return users; }
  GroupOperations groups() { return groups; }
  RoleOperations roles() { return roles; }
  ManagedPolicyOperations managedPolicies() { return managedPolicies; }
  AttachmentOperations attachments() { return attachments; }
  InlinePolicyOperations inlinePolicies() { return inlinePolicies; }
  AccessKeyOperations accessKeys() { return accessKeys; }
  LoginProfileOperations loginProfiles() { return loginProfiles; }
  MfaOperations mfa() { return mfa; }
  AccountOperations account() { return account; }
  TagOperations tags() { return tags; }
  SimulationOperations simulation() { return simulation; }
  CredentialReportOperations credentialReports() { return credentialReports; }
  SigningCertificateOperations signingCertificates() { return signingCertificates; }
  /**
   * Creates the bootstrap administrator of an account (as the caller's account root): an IAM user
   * with {@code policyArn} attached, a known access key, and a console password.
   */
  public void createAdministrator(CallContext context, String userName, String policyArn, String accessKeyId,
      String secretAccessKey, String password) {
    users.createUser(CreateUserRequest.builder().userName(userName).build(), context);
    attachments.attach(context, EntityKind.USER, userName, policyArn);
    accessKeys.importAccessKey(context.caller().accountId(), userName, accessKeyId, secretAccessKey);
    loginProfiles.createLoginProfile(
        CreateLoginProfileRequest.builder().userName(userName).password(password).build(), context);
  }

  /**
   * Creates and enables the root user's virtual MFA device, as the root user does in the console (the
   * API's EnableMFADevice needs a UserName); for tests and fixtures.
   */
  public IamSchema.MfaDevice enableRootVirtualDevice(String accountId) {
    return mfa.enableRootVirtualDevice(accountId);
  }

  /** What the authorizer reads a principal's policies from. */
  public IdentityPolicies identityPolicies() { return identityPolicies; }
}
