package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.RESOURCE_POLICY;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.ResourcePolicyRecord;
import dev.billinggate.store.ReadTx;
import software.amazon.awssdk.services.organizations.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DescribeResourcePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribeResourcePolicyResponse;
import software.amazon.awssdk.services.organizations.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.organizations.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.organizations.model.ResourcePolicy;
import software.amazon.awssdk.services.organizations.model.ResourcePolicySummary;

/** The organization's resource-based delegation policy (one per organization). */
final class ResourcePolicyOperations {
  private final OrgTransactions txs;
  private final PolicyDocuments documents;
  private final AwsIds ids;

  ResourcePolicyOperations(OrgTransactions txs, PolicyDocuments documents, AwsIds ids) {
    this.txs = txs;
    this.documents = documents;
    this.ids = ids;
  }

  /** Replacing the policy keeps its id, as AWS does. */
  PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      documents.validateResourcePolicy(r.content());
      String id = tx.get(RESOURCE_POLICY, org.id()).map(ResourcePolicyRecord::id)
          .orElseGet(() -> "rp-" + ids.next(IdGenerator.LOWER_ALNUM, 8));
      ResourcePolicyRecord policy = new ResourcePolicyRecord(id, r.content());
      tx.put(RESOURCE_POLICY, org.id(), policy);
      return PutResourcePolicyResponse.builder().resourcePolicy(view(org, policy)).build();
    });
  }

  DescribeResourcePolicyResponse describeResourcePolicy(DescribeResourcePolicyRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      ResourcePolicyRecord policy = require(tx, org);
      return DescribeResourcePolicyResponse.builder()
          .resourcePolicy(view(org, policy))
          .build();
    });
  }

  DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      require(tx, org);
      tx.delete(RESOURCE_POLICY, org.id());
      return DeleteResourcePolicyResponse.builder().build();
    });
  }

  private static ResourcePolicyRecord require(ReadTx tx, OrgRecord org) {
    return tx.get(RESOURCE_POLICY, org.id()).orElseThrow(() -> OrganizationsError.RESOURCE_POLICY_NOT_FOUND.exception(
        "We can't find a resource policy request with the parameter that you specified."));
  }

  private static ResourcePolicy view(OrgRecord org, ResourcePolicyRecord policy) {
    return ResourcePolicy.builder()
        .resourcePolicySummary(ResourcePolicySummary.builder()
            .id(policy.id())
            .arn(OrgArns.resourcePolicy(org.managementAccountId(), org.id(), policy.id()))
            .build())
        .content(policy.content())
        .build();
  }
}
