package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgAccessRules.withKey;
import static dev.billinggate.service.organizations.OrgAccessRules.withRequestTags;
import static dev.billinggate.service.organizations.OrgAccessRules.withTagKeys;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.util.List;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.services.organizations.model.*;

/**
 * AWS Organizations: registers every implemented operation with its access rule. The operations live
 * in one class per area; this class only wires them.
 */
public final class OrganizationsService implements ServiceHandler {
  private static final String POLICY_TYPE = "organizations:PolicyType";
  private static final String SERVICE_PRINCIPAL = "organizations:ServicePrincipal";

  private final OrgAccessRules rules;
  private final OrganizationOperations organizations;
  private final OuOperations ous;
  private final AccountOperations accounts;
  private final CreateAccountOperations creates;
  private final PolicyOperations policies;
  private final TagOperations tags;
  private final HandshakeOperations handshakes;
  private final ServiceAccessOperations serviceAccess;
  private final ResourcePolicyOperations resourcePolicy;
  private final EffectivePolicyOperations effectivePolicies;

  /**
   * @param directory the directory the authorizer reads; this service drops its caches after each write
   * @param provisioner creates member accounts in IAM (implemented by the application over IAM)
   * @param random uniform values in [0, 1) deciding injected faults (see {@link OrganizationsSettings})
   */
  public OrganizationsService(
      Store store, OrganizationDirectory directory, PolicyEngine engine, AccountProvisioner provisioner, AwsIds ids,
      OrganizationsSettings settings, DoubleSupplier random) {
    AccountLifecycle lifecycle = new AccountLifecycle(provisioner, ids, settings);
    OrgTransactions txs = new OrgTransactions(store, lifecycle, directory, new FaultInjector(settings, random));
    PolicyDocuments documents = new PolicyDocuments(engine, settings.scpMaxBytes());
    this.rules = new OrgAccessRules(store, directory);
    this.organizations = new OrganizationOperations(txs, provisioner, ids);
    this.ous = new OuOperations(txs, ids);
    this.accounts = new AccountOperations(txs, lifecycle);
    this.creates = new CreateAccountOperations(txs, lifecycle, ids, settings);
    this.policies = new PolicyOperations(txs, documents, ids);
    this.tags = new TagOperations(txs);
    this.handshakes = new HandshakeOperations(txs, provisioner, ids, settings);
    this.serviceAccess = new ServiceAccessOperations(txs);
    this.resourcePolicy = new ResourcePolicyOperations(txs, documents, ids);
    this.effectivePolicies = new EffectivePolicyOperations(txs);
  }

  /** The tables Organizations keeps, for {@code Store.declare} at startup. */
  public static List<Table<?>> tables() {
    return OrgTables.ALL;
  }

  @Override
  public ServiceId service() {
    return ServiceId.ORGANIZATIONS;
  }

  @Override
  public void register(OperationTable t) {
    registerOrganization(t);
    registerTree(t);
    registerAccounts(t);
    registerPolicies(t);
    registerHandshakes(t);
    registerServiceAccess(t);
  }

  private void registerOrganization(OperationTable t) {
    t.on(CreateOrganizationRequest.class, rules.on("CreateOrganization", (r, m) -> "*"),
        organizations::createOrganization);
    t.on(DescribeOrganizationRequest.class, rules.on("DescribeOrganization", (r, m) -> "*"),
        organizations::describeOrganization);
    t.on(DeleteOrganizationRequest.class, rules.on("DeleteOrganization", (r, m) -> "*"),
        organizations::deleteOrganization);
    t.on(EnableAllFeaturesRequest.class, rules.on("EnableAllFeatures", (r, m) -> "*"),
        organizations::enableAllFeatures);
    t.on(ListRootsRequest.class, rules.delegable("ListRoots", (r, m) -> "*"), organizations::listRoots);
  }

  private void registerTree(OperationTable t) {
    t.on(CreateOrganizationalUnitRequest.class,
        withRequestTags(rules.on("CreateOrganizationalUnit", (r, m) -> rules.resourceArn(m, r.parentId())),
            CreateOrganizationalUnitRequest::tags),
        ous::createOrganizationalUnit);
    t.on(UpdateOrganizationalUnitRequest.class,
        rules.on("UpdateOrganizationalUnit", (r, m) -> rules.resourceArn(m, r.organizationalUnitId())),
        ous::updateOrganizationalUnit);
    t.on(DeleteOrganizationalUnitRequest.class,
        rules.on("DeleteOrganizationalUnit", (r, m) -> rules.resourceArn(m, r.organizationalUnitId())),
        ous::deleteOrganizationalUnit);
    t.on(DescribeOrganizationalUnitRequest.class,
        rules.delegable("DescribeOrganizationalUnit", (r, m) -> rules.resourceArn(m, r.organizationalUnitId())),
        ous::describeOrganizationalUnit);
    t.on(ListOrganizationalUnitsForParentRequest.class,
        rules.delegable("ListOrganizationalUnitsForParent", (r, m) -> rules.resourceArn(m, r.parentId())),
        ous::listOrganizationalUnitsForParent);
    t.on(ListChildrenRequest.class, rules.delegable("ListChildren", (r, m) -> rules.resourceArn(m, r.parentId())),
        ous::listChildren);
    t.on(ListParentsRequest.class, rules.delegable("ListParents", (r, m) -> rules.resourceArn(m, r.childId())),
        ous::listParents);
    t.on(MoveAccountRequest.class, rules.on("MoveAccount", (r, m) -> rules.resourceArn(m, r.accountId())),
        ous::moveAccount);
  }

  private void registerAccounts(OperationTable t) {
    t.on(ListAccountsRequest.class, rules.delegable("ListAccounts", (r, m) -> "*"), accounts::listAccounts);
    t.on(ListAccountsForParentRequest.class,
        rules.delegable("ListAccountsForParent", (r, m) -> rules.resourceArn(m, r.parentId())),
        accounts::listAccountsForParent);
    t.on(DescribeAccountRequest.class,
        rules.delegable("DescribeAccount", (r, m) -> rules.resourceArn(m, r.accountId())), accounts::describeAccount);
    t.on(RemoveAccountFromOrganizationRequest.class,
        rules.on("RemoveAccountFromOrganization", (r, m) -> rules.resourceArn(m, r.accountId())),
        accounts::removeAccountFromOrganization);
    t.on(CloseAccountRequest.class, rules.on("CloseAccount", (r, m) -> rules.resourceArn(m, r.accountId())),
        accounts::closeAccount);
    t.on(LeaveOrganizationRequest.class, rules.on("LeaveOrganization", (r, m) -> "*"), accounts::leaveOrganization);
    t.on(CreateAccountRequest.class,
        withRequestTags(rules.on("CreateAccount", (r, m) -> "*"), CreateAccountRequest::tags), creates::createAccount);
    t.on(DescribeCreateAccountStatusRequest.class, rules.delegable("DescribeCreateAccountStatus", (r, m) -> "*"),
        creates::describeCreateAccountStatus);
    t.on(ListCreateAccountStatusRequest.class, rules.delegable("ListCreateAccountStatus", (r, m) -> "*"),
        creates::listCreateAccountStatus);
    t.on(TagResourceRequest.class,
        withRequestTags(rules.on("TagResource", (r, m) -> rules.resourceArn(m, r.resourceId())),
            TagResourceRequest::tags),
        tags::tagResource);
    t.on(UntagResourceRequest.class,
        withTagKeys(rules.on("UntagResource", (r, m) -> rules.resourceArn(m, r.resourceId())),
            UntagResourceRequest::tagKeys),
        tags::untagResource);
    t.on(ListTagsForResourceRequest.class,
        rules.delegable("ListTagsForResource", (r, m) -> rules.resourceArn(m, r.resourceId())),
        tags::listTagsForResource);
  }

  private void registerPolicies(OperationTable t) {
    t.on(CreatePolicyRequest.class,
        withKey(withRequestTags(rules.delegableWrite("CreatePolicy", (r, m) -> "*"), CreatePolicyRequest::tags),
            POLICY_TYPE, CreatePolicyRequest::typeAsString),
        policies::createPolicy);
    t.on(UpdatePolicyRequest.class, rules.delegableWrite("UpdatePolicy", (r, m) -> rules.policyArn(m, r.policyId())),
        policies::updatePolicy);
    t.on(DeletePolicyRequest.class, rules.delegableWrite("DeletePolicy", (r, m) -> rules.policyArn(m, r.policyId())),
        policies::deletePolicy);
    t.on(DescribePolicyRequest.class, rules.delegable("DescribePolicy", (r, m) -> rules.policyArn(m, r.policyId())),
        policies::describePolicy);
    t.on(ListPoliciesRequest.class,
        withKey(rules.delegable("ListPolicies", (r, m) -> "*"), POLICY_TYPE, ListPoliciesRequest::filterAsString),
        policies::listPolicies);
    t.on(ListPoliciesForTargetRequest.class,
        withKey(rules.delegable("ListPoliciesForTarget", (r, m) -> rules.resourceArn(m, r.targetId())),
            POLICY_TYPE, ListPoliciesForTargetRequest::filterAsString),
        policies::listPoliciesForTarget);
    t.on(ListTargetsForPolicyRequest.class,
        rules.delegable("ListTargetsForPolicy", (r, m) -> rules.policyArn(m, r.policyId())),
        policies::listTargetsForPolicy);
    t.on(AttachPolicyRequest.class, rules.delegableWrite("AttachPolicy", (r, m) -> rules.policyArn(m, r.policyId())),
        policies::attachPolicy);
    t.on(DetachPolicyRequest.class, rules.delegableWrite("DetachPolicy", (r, m) -> rules.policyArn(m, r.policyId())),
        policies::detachPolicy);
    t.on(EnablePolicyTypeRequest.class,
        withKey(rules.delegableWrite("EnablePolicyType", (r, m) -> rules.resourceArn(m, r.rootId())),
            POLICY_TYPE, EnablePolicyTypeRequest::policyTypeAsString),
        policies::enablePolicyType);
    t.on(DisablePolicyTypeRequest.class,
        withKey(rules.delegableWrite("DisablePolicyType", (r, m) -> rules.resourceArn(m, r.rootId())),
            POLICY_TYPE, DisablePolicyTypeRequest::policyTypeAsString),
        policies::disablePolicyType);
    t.on(DescribeEffectivePolicyRequest.class,
        withKey(rules.on("DescribeEffectivePolicy", (r, m) -> rules.resourceArn(m, r.targetId())),
            POLICY_TYPE, DescribeEffectivePolicyRequest::policyTypeAsString),
        effectivePolicies::describeEffectivePolicy);
  }

  private void registerHandshakes(OperationTable t) {
    t.on(InviteAccountToOrganizationRequest.class,
        withRequestTags(rules.on("InviteAccountToOrganization", (r, m) -> "*"),
            InviteAccountToOrganizationRequest::tags),
        handshakes::inviteAccountToOrganization);
    t.on(AcceptHandshakeRequest.class, rules.on("AcceptHandshake", (r, m) -> "*"), handshakes::acceptHandshake);
    t.on(DeclineHandshakeRequest.class, rules.on("DeclineHandshake", (r, m) -> "*"), handshakes::declineHandshake);
    t.on(CancelHandshakeRequest.class, rules.on("CancelHandshake", (r, m) -> "*"), handshakes::cancelHandshake);
    t.on(DescribeHandshakeRequest.class, rules.on("DescribeHandshake", (r, m) -> "*"),
        handshakes::describeHandshake);
    t.on(ListHandshakesForAccountRequest.class, rules.on("ListHandshakesForAccount", (r, m) -> "*"),
        handshakes::listHandshakesForAccount);
    t.on(ListHandshakesForOrganizationRequest.class,
        rules.delegable("ListHandshakesForOrganization", (r, m) -> "*"), handshakes::listHandshakesForOrganization);
  }

  private void registerServiceAccess(OperationTable t) {
    t.on(EnableAwsServiceAccessRequest.class,
        withKey(rules.on("EnableAWSServiceAccess", (r, m) -> "*"), SERVICE_PRINCIPAL,
            EnableAwsServiceAccessRequest::servicePrincipal),
        serviceAccess::enableAWSServiceAccess);
    t.on(DisableAwsServiceAccessRequest.class,
        withKey(rules.on("DisableAWSServiceAccess", (r, m) -> "*"), SERVICE_PRINCIPAL,
            DisableAwsServiceAccessRequest::servicePrincipal),
        serviceAccess::disableAWSServiceAccess);
    t.on(ListAwsServiceAccessForOrganizationRequest.class,
        rules.delegable("ListAWSServiceAccessForOrganization", (r, m) -> "*"),
        serviceAccess::listAWSServiceAccessForOrganization);
    t.on(RegisterDelegatedAdministratorRequest.class,
        withKey(rules.on("RegisterDelegatedAdministrator", (r, m) -> rules.resourceArn(m, r.accountId())),
            SERVICE_PRINCIPAL, RegisterDelegatedAdministratorRequest::servicePrincipal),
        serviceAccess::registerDelegatedAdministrator);
    t.on(DeregisterDelegatedAdministratorRequest.class,
        withKey(rules.on("DeregisterDelegatedAdministrator", (r, m) -> rules.resourceArn(m, r.accountId())),
            SERVICE_PRINCIPAL, DeregisterDelegatedAdministratorRequest::servicePrincipal),
        serviceAccess::deregisterDelegatedAdministrator);
    t.on(ListDelegatedAdministratorsRequest.class,
        withKey(rules.delegable("ListDelegatedAdministrators", (r, m) -> "*"), SERVICE_PRINCIPAL,
            ListDelegatedAdministratorsRequest::servicePrincipal),
        serviceAccess::listDelegatedAdministrators);
    t.on(ListDelegatedServicesForAccountRequest.class,
        rules.delegable("ListDelegatedServicesForAccount", (r, m) -> rules.resourceArn(m, r.accountId())),
        serviceAccess::listDelegatedServicesForAccount);
    t.on(PutResourcePolicyRequest.class,
        withRequestTags(rules.on("PutResourcePolicy", (r, m) -> "*"), PutResourcePolicyRequest::tags),
        resourcePolicy::putResourcePolicy);
    t.on(DescribeResourcePolicyRequest.class, rules.delegable("DescribeResourcePolicy", (r, m) -> "*"),
        resourcePolicy::describeResourcePolicy);
    t.on(DeleteResourcePolicyRequest.class, rules.on("DeleteResourcePolicy", (r, m) -> "*"),
        resourcePolicy::deleteResourcePolicy);
  }
}
