package dev.billinggate.service.iam;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.AccountRef;
import dev.billinggate.service.iam.IamSchema.PasswordPolicy;
import dev.billinggate.store.ReadTx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyResponse;

/** Account-wide IAM settings: alias, password policy and the account summary. */
final class AccountOperations {
  private final IamEnv env;
  private final IamLookups lookups;

  public AccountOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
  }

  public void register(OperationTable table) {
    table.on(CreateAccountAliasRequest.class, this::createAccountAlias);
    table.on(DeleteAccountAliasRequest.class, this::deleteAccountAlias);
    table.on(ListAccountAliasesRequest.class, this::listAccountAliases);
    table.on(UpdateAccountPasswordPolicyRequest.class, this::updateAccountPasswordPolicy);
    table.on(GetAccountPasswordPolicyRequest.class, this::getAccountPasswordPolicy);
    table.on(DeleteAccountPasswordPolicyRequest.class, this::deleteAccountPasswordPolicy);
    table.on(GetAccountSummaryRequest.class, this::getAccountSummary);
  }

  /** An account has at most one alias; a new one replaces the old, as in AWS. */
  public CreateAccountAliasResponse createAccountAlias(CreateAccountAliasRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Account current = lookups.account(tx, account);
      var owner = tx.get(IamSchema.ALIASES, request.accountAlias());
      if (owner.isPresent()) {
        if (owner.get().accountId().equals(account)) {
          return;
        }
        throw IamError.ENTITY_ALREADY_EXISTS.exception("The account alias %s already exists.", request.accountAlias());
      }
      if (current.alias() != null) {
        tx.delete(IamSchema.ALIASES, current.alias());
      }
      tx.put(IamSchema.ALIASES, request.accountAlias(), new AccountRef(account));
      tx.put(IamSchema.ACCOUNTS, account, current.withAlias(request.accountAlias()));
    });
    return CreateAccountAliasResponse.builder().build();
  }

  public DeleteAccountAliasResponse deleteAccountAlias(DeleteAccountAliasRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Account current = lookups.account(tx, account);
      if (!request.accountAlias().equals(current.alias())) {
        throw IamError.NO_SUCH_ENTITY.exception("The account alias %s cannot be found.", request.accountAlias());
      }
      tx.delete(IamSchema.ALIASES, current.alias());
      tx.put(IamSchema.ACCOUNTS, account, current.withAlias(null));
    });
    return DeleteAccountAliasResponse.builder().build();
  }

  public ListAccountAliasesResponse listAccountAliases(ListAccountAliasesRequest request, CallContext context) {
    Account account = env.store().read(tx -> lookups.account(tx, context.caller().accountId()));
    return ListAccountAliasesResponse.builder()
        .accountAliases(account.alias() == null ? List.of() : List.of(account.alias())).isTruncated(false).build();
  }

  /** Like AWS, unspecified settings fall back to their defaults rather than keeping old values. */
  public UpdateAccountPasswordPolicyResponse updateAccountPasswordPolicy(
      UpdateAccountPasswordPolicyRequest request, CallContext context) {
    PasswordPolicy policy = new PasswordPolicy(
        request.minimumPasswordLength() == null ? 6 : request.minimumPasswordLength(),
        Boolean.TRUE.equals(request.requireSymbols()), Boolean.TRUE.equals(request.requireNumbers()),
        Boolean.TRUE.equals(request.requireUppercaseCharacters()),
        Boolean.TRUE.equals(request.requireLowercaseCharacters()),
        Boolean.TRUE.equals(request.allowUsersToChangePassword()),
        request.maxPasswordAge(), request.passwordReusePrevention(), Boolean.TRUE.equals(request.hardExpiry()));
    env.store().update(tx -> {
      tx.put(IamSchema.PASSWORD_POLICIES, context.caller().accountId(), policy);
    });
    return UpdateAccountPasswordPolicyResponse.builder().build();
  }

  public GetAccountPasswordPolicyResponse getAccountPasswordPolicy(
      GetAccountPasswordPolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    PasswordPolicy policy = env.store().read(tx -> tx.get(IamSchema.PASSWORD_POLICIES, account)).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("The Password Policy with domain name %s cannot be found.", account));
    return GetAccountPasswordPolicyResponse.builder().passwordPolicy(p -> p
        .minimumPasswordLength(policy.minimumPasswordLength()).requireSymbols(policy.requireSymbols())
        .requireNumbers(policy.requireNumbers()).requireUppercaseCharacters(policy.requireUppercase())
        .requireLowercaseCharacters(policy.requireLowercase())
        .allowUsersToChangePassword(policy.allowUsersToChangePassword())
        .expirePasswords(policy.maxPasswordAge() != null && policy.maxPasswordAge() > 0)
        .maxPasswordAge(policy.maxPasswordAge()).passwordReusePrevention(policy.passwordReusePrevention())
        // AWS leaves HardExpiry out unless it is on (recorded answers)
        .hardExpiry(policy.hardExpiry() ? Boolean.TRUE : null)).build();
  }

  public DeleteAccountPasswordPolicyResponse deleteAccountPasswordPolicy(
      DeleteAccountPasswordPolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      if (tx.get(IamSchema.PASSWORD_POLICIES, account).isEmpty()) {
        throw IamError.NO_SUCH_ENTITY.exception("The account policy with name PasswordPolicy cannot be found.");
      }
      tx.delete(IamSchema.PASSWORD_POLICIES, account);
    });
    return DeleteAccountPasswordPolicyResponse.builder().build();
  }

  /** The SummaryMap with AWS's keys; quotas are AWS's defaults. */
  public GetAccountSummaryResponse getAccountSummary(GetAccountSummaryRequest request, CallContext context) {
    String account = context.caller().accountId();
    Map<String, Integer> summary = env.store().read(tx -> summary(tx, account));
    return GetAccountSummaryResponse.builder().summaryMapWithStrings(summary).build();
  }

  private Map<String, Integer> summary(ReadTx tx, String account) {
    Account root = lookups.account(tx, account);
    String prefix = account + "/";
    int policyVersions = tx.scan(IamSchema.POLICIES, prefix, null, Integer.MAX_VALUE).stream()
        .mapToInt(e -> e.value().versions().size()).sum();
    int devices = tx.count(IamSchema.MFA_DEVICES, prefix);
    int devicesInUse = (int) tx.scan(IamSchema.MFA_DEVICES, prefix, null, Integer.MAX_VALUE).stream()
        .filter(e -> e.value().userName() != null).count();
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("Users", tx.count(IamSchema.USERS, prefix));
    map.put("UsersQuota", 5000);
    map.put("Groups", tx.count(IamSchema.GROUPS, prefix));
    map.put("GroupsQuota", 300);
    map.put("ServerCertificates", tx.count(IamSchema.SERVER_CERTIFICATES, prefix));
    map.put("ServerCertificatesQuota", ServerCertificateOperations.CERTIFICATES_PER_ACCOUNT);
    map.put("UserPolicySizeQuota", 2048);
    map.put("GroupPolicySizeQuota", 5120);
    map.put("GroupsPerUserQuota", GroupOperations.GROUPS_PER_USER);
    map.put("SigningCertificatesPerUserQuota", SigningCertificateOperations.CERTIFICATES_PER_USER);
    map.put("AccessKeysPerUserQuota", AccessKeyOperations.KEYS_PER_USER);
    map.put("MFADevices", devices);
    map.put("MFADevicesInUse", devicesInUse);
    map.put("AccountMFAEnabled", MfaOperations.hasDevice(tx, account, IamSchema.ROOT_USER) ? 1 : 0);
    map.put("AccountAccessKeysPresent", AccessKeyOperations.count(tx, account, IamSchema.ROOT_USER) > 0 ? 1 : 0);
    map.put("AccountPasswordPresent", root.rootPasswordHash() != null ? 1 : 0);
    map.put("AccountSigningCertificatesPresent",
        SigningCertificateOperations.count(tx, account, IamSchema.ROOT_USER) > 0 ? 1 : 0);
    map.put("AttachedPoliciesPerGroupQuota", AttachmentOperations.POLICIES_PER_ENTITY);
    map.put("AttachedPoliciesPerRoleQuota", AttachmentOperations.POLICIES_PER_ENTITY);
    map.put("AttachedPoliciesPerUserQuota", AttachmentOperations.POLICIES_PER_ENTITY);
    map.put("Policies", tx.count(IamSchema.POLICIES, prefix));
    map.put("PoliciesQuota", 1500);
    map.put("PolicySizeQuota", 6144);
    map.put("PolicyVersionsInUse", policyVersions);
    map.put("PolicyVersionsInUseQuota", 10000);
    map.put("VersionsPerPolicyQuota", ManagedPolicyOperations.MAX_VERSIONS);
    map.put("GlobalEndpointTokenVersion", 1);
    map.put("Roles", tx.count(IamSchema.ROLES, prefix));
    map.put("RolesQuota", 1000);
    map.put("RolePolicySizeQuota", 10240);
    map.put("AssumeRolePolicySizeQuota", 2048);
    map.put("InstanceProfiles", tx.count(IamSchema.INSTANCE_PROFILES, prefix));
    map.put("InstanceProfilesQuota", InstanceProfileOperations.PROFILES_PER_ACCOUNT);
    // Identity providers of both kinds: the key has no quota to tell which AWS counts.
    map.put("Providers", tx.count(IamSchema.SAML_PROVIDERS, prefix) + tx.count(IamSchema.OIDC_PROVIDERS, prefix));
    return map;
  }
}
