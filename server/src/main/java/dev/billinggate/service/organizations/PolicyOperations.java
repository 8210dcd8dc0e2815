package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.ATTACHMENTS;
import static dev.billinggate.service.organizations.OrgTables.ORGS;
import static dev.billinggate.service.organizations.OrgTables.OUS;
import static dev.billinggate.service.organizations.OrgTables.POLICIES;
import static dev.billinggate.service.organizations.OrgTables.POLICY_TARGETS;
import static dev.billinggate.service.organizations.OrgTables.TAGS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.Attachment;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.PolicyRecord;
import dev.billinggate.service.organizations.OrgTables.TagSet;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.organizations.model.AttachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.AttachPolicyResponse;
import software.amazon.awssdk.services.organizations.model.CreatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.CreatePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DeletePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DeletePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DescribePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DetachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.DetachPolicyResponse;
import software.amazon.awssdk.services.organizations.model.DisablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.DisablePolicyTypeResponse;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetRequest;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesRequest;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyRequest;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.TargetType;
import software.amazon.awssdk.services.organizations.model.UpdatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.UpdatePolicyResponse;

/** Organization policies: their documents, attachments, and which types the root has enabled. */
final class PolicyOperations {
  /** AWS's quotas: policies per organization, and SCPs/RCPs attached directly to one target. */
  static final int MAX_POLICIES = 1_000;
  static final int MAX_ATTACHED_PER_TYPE = 5;

  private final OrgTransactions txs;
  private final PolicyDocuments documents;
  private final AwsIds ids;

  PolicyOperations(OrgTransactions txs, PolicyDocuments documents, AwsIds ids) {
    this.txs = txs;
    this.documents = documents;
    this.ids = ids;
  }

  CreatePolicyResponse createPolicy(CreatePolicyRequest r, CallContext ctx) {
    String type = knownType(r.typeAsString());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.policyManager(tx, ctx.caller().accountId());
      requireAvailable(org);
      documents.validate(type, r.content());
      requireUniqueName(tx, org, type, r.name(), null);
      if (tx.count(POLICIES, org.id() + "/") - ManagedOrgPolicies.ALL.size() >= MAX_POLICIES) {
        throw OrganizationsError.constraint("POLICY_NUMBER_LIMIT_EXCEEDED",
            "You attempted to exceed the number of policies that you can have in an organization.");
      }
      PolicyRecord policy = new PolicyRecord("p-" + ids.next(IdGenerator.LOWER_ALNUM, 8), r.name(),
          r.description() == null ? "" : r.description(), type, false, r.content());
      tx.put(POLICIES, key(org.id(), policy.id()), policy);
      if (r.hasTags() && !r.tags().isEmpty()) {
        tx.put(TAGS, key(org.id(), policy.id()), new TagSet(TagOperations.toMap(r.tags())));
      }
      return CreatePolicyResponse.builder().policy(OrgViews.policy(org, policy)).build();
    });
  }

  UpdatePolicyResponse updatePolicy(UpdatePolicyRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.policyManager(tx, ctx.caller().accountId());
      PolicyRecord policy = requireCustomerPolicy(tx, org, r.policyId());
      String name = r.name() == null ? policy.name() : r.name();
      if (!name.equals(policy.name())) {
        requireUniqueName(tx, org, policy.type(), name, policy.id());
      }
      if (r.content() != null) {
        documents.validate(policy.type(), r.content());
      }
      PolicyRecord updated = policy.withChanges(name,
          r.description() == null ? policy.description() : r.description(),
          r.content() == null ? policy.content() : r.content());
      tx.put(POLICIES, key(org.id(), policy.id()), updated);
      return UpdatePolicyResponse.builder().policy(OrgViews.policy(org, updated)).build();
    });
  }

  DeletePolicyResponse deletePolicy(DeletePolicyRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.policyManager(tx, ctx.caller().accountId());
      PolicyRecord policy = requireCustomerPolicy(tx, org, r.policyId());
      if (tx.count(POLICY_TARGETS, key(org.id(), policy.id()) + "/") > 0) {
        throw OrganizationsError.POLICY_IN_USE.exception("The policy is attached to one or more entities. You must"
            + " detach it from all roots, OUs, and accounts before performing this operation.");
      }
      tx.delete(POLICIES, key(org.id(), policy.id()));
      tx.delete(TAGS, key(org.id(), policy.id()));
      return DeletePolicyResponse.builder().build();
    });
  }

  DescribePolicyResponse describePolicy(DescribePolicyRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      return DescribePolicyResponse.builder().policy(OrgViews.policy(org, requirePolicy(tx, org, r.policyId()))).build();
    });
  }

  ListPoliciesResponse listPolicies(ListPoliciesRequest r, CallContext ctx) {
    String type = knownType(r.filterAsString());
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      Pages.Page<PolicyRecord> page = Pages.scan(tx, POLICIES, org.id() + "/", r.nextToken(), r.maxResults(),
          p -> p.type().equals(type));
      return ListPoliciesResponse.builder()
          .policies(page.items().stream().map(p -> OrgViews.policySummary(org, p)).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  ListPoliciesForTargetResponse listPoliciesForTarget(ListPoliciesForTargetRequest r, CallContext ctx) {
    String type = knownType(r.filterAsString());
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      requireTarget(tx, org, r.targetId());
      Pages.Page<Attachment> page = Pages.scan(tx, ATTACHMENTS, key(org.id(), r.targetId()) + "/", r.nextToken(),
          r.maxResults(), a -> a.policyType().equals(type));
      return ListPoliciesForTargetResponse.builder()
          .policies(page.items().stream()
              .map(a -> OrgViews.policySummary(org, requirePolicy(tx, org, a.policyId())))
              .toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  ListTargetsForPolicyResponse listTargetsForPolicy(ListTargetsForPolicyRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      requirePolicy(tx, org, r.policyId());
      Pages.Page<Attachment> page = Pages.scan(tx, POLICY_TARGETS, key(org.id(), r.policyId()) + "/", r.nextToken(),
          r.maxResults());
      return ListTargetsForPolicyResponse.builder()
          .targets(page.items().stream().map(a -> targetSummary(tx, org, a.targetId())).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  AttachPolicyResponse attachPolicy(AttachPolicyRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.policyManager(tx, ctx.caller().accountId());
      PolicyRecord policy = requirePolicy(tx, org, r.policyId());
      requireTarget(tx, org, r.targetId());
      requireEnabled(org, policy.type());
      if (Attachments.attached(tx, org.id(), policy.id(), r.targetId())) {
        throw OrganizationsError.DUPLICATE_POLICY_ATTACHMENT.exception(
            "The selected policy is already attached to the specified target.");
      }
      if (ManagedOrgPolicies.isAuthorizationType(policy.type())
          && Attachments.countOfType(tx, org.id(), r.targetId(), policy.type()) >= MAX_ATTACHED_PER_TYPE) {
        throw OrganizationsError.constraint("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
            "You attempted to exceed the number of policies of a certain type that can be attached to an entity.");
      }
      Attachments.attach(tx, org.id(), policy.id(), r.targetId(), policy.type());
      return AttachPolicyResponse.builder().build();
    });
  }

  /**
   * Every target keeps at least one SCP (and one RCP) while the type is enabled, and
   * RCPFullAWSAccess can't be detached at all.
   */
  DetachPolicyResponse detachPolicy(DetachPolicyRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.policyManager(tx, ctx.caller().accountId());
      PolicyRecord policy = requirePolicy(tx, org, r.policyId());
      requireTarget(tx, org, r.targetId());
      if (!Attachments.attached(tx, org.id(), policy.id(), r.targetId())) {
        throw OrganizationsError.POLICY_NOT_ATTACHED.exception(
            "The policy isn't attached to the specified target in the specified root.");
      }
      if (policy.id().equals(ManagedOrgPolicies.RCP_FULL_AWS_ACCESS.id())) {
        throw OrganizationsError.invalidInput("NON_DETACHABLE_POLICY", "You can't detach this AWS Managed Policy.");
      }
      if (ManagedOrgPolicies.isAuthorizationType(policy.type())
          && Attachments.countOfType(tx, org.id(), r.targetId(), policy.type()) <= 1) {
        throw OrganizationsError.constraint("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
            "You attempted to detach a policy from an entity that would cause the entity to have fewer than the"
                + " minimum number of policies of a certain type required.");
      }
      Attachments.detach(tx, org.id(), policy.id(), r.targetId());
      return DetachPolicyResponse.builder().build();
    });
  }

  /** Enabling SCPs or RCPs attaches the type's AWS managed policy to the root, every OU and every account. */
  EnablePolicyTypeResponse enablePolicyType(EnablePolicyTypeRequest r, CallContext ctx) {
    String type = knownType(r.policyTypeAsString());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.policyManager(tx, ctx.caller().accountId());
      requireRoot(org, r.rootId());
      requireAvailable(org);
      if (org.policyTypeEnabled(type)) {
        throw OrganizationsError.POLICY_TYPE_ALREADY_ENABLED.exception(
            "The specified policy type is already enabled in the specified root.");
      }
      List<String> types = new ArrayList<>(org.enabledPolicyTypes());
      types.add(type);
      OrgRecord updated = org.withPolicyTypes(types);
      tx.put(ORGS, org.id(), updated);
      ManagedOrgPolicies.defaultFor(type).ifPresent(p -> {
        for (String target : allTargets(tx, org)) {
          Attachments.attach(tx, org.id(), p.id(), target, type);
        }
      });
      return EnablePolicyTypeResponse.builder().root(OrgViews.root(updated)).build();
    });
  }

  /** Disabling a type detaches every policy of that type from every target, as AWS does. */
  DisablePolicyTypeResponse disablePolicyType(DisablePolicyTypeRequest r, CallContext ctx) {
    String type = knownType(r.policyTypeAsString());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.policyManager(tx, ctx.caller().accountId());
      requireRoot(org, r.rootId());
      requireEnabled(org, type);
      List<String> types = new ArrayList<>(org.enabledPolicyTypes());
      types.remove(type);
      OrgRecord updated = org.withPolicyTypes(types);
      tx.put(ORGS, org.id(), updated);
      for (ReadTx.Entry<PolicyRecord> p : tx.scan(POLICIES, org.id() + "/", null, Integer.MAX_VALUE)) {
        if (p.value().type().equals(type)) {
          detachEverywhere(tx, org, p.value().id());
        }
      }
      return DisablePolicyTypeResponse.builder().root(OrgViews.root(updated)).build();
    });
  }

  private static void detachEverywhere(WriteTx tx, OrgRecord org, String policyId) {
    for (Attachment a : Attachments.ofPolicy(tx, org.id(), policyId)) {
      Attachments.detach(tx, org.id(), policyId, a.targetId());
    }
  }

  private static List<String> allTargets(ReadTx tx, OrgRecord org) {
    List<String> targets = new ArrayList<>();
    targets.add(org.rootId());
    tx.scan(OUS, org.id() + "/", null, Integer.MAX_VALUE).forEach(e -> targets.add(e.value().id()));
    tx.scan(ACCOUNTS, org.id() + "/", null, Integer.MAX_VALUE).forEach(e -> targets.add(e.value().id()));
    return targets;
  }

  private static PolicyTargetSummary targetSummary(ReadTx tx, OrgRecord org, String targetId) {
    PolicyTargetSummary.Builder b = PolicyTargetSummary.builder()
        .targetId(targetId)
        .arn(OrgArns.target(org.managementAccountId(), org.id(), targetId));
    if (targetId.equals(org.rootId())) {
      return b.name("Root").type(TargetType.ROOT).build();
    }
    if (targetId.startsWith("ou-")) {
      return b.name(OrgTree.ou(tx, org.id(), targetId).orElseThrow().name()).type(TargetType.ORGANIZATIONAL_UNIT).build();
    }
    return b.name(OrgTree.account(tx, org.id(), targetId).orElseThrow().name()).type(TargetType.ACCOUNT).build();
  }

  /** A policy type the SDK model knows; InvalidInputException INVALID_ENUM_POLICY_TYPE otherwise. */
  static String knownType(String type) {
    if (type == null || PolicyType.fromValue(type) == PolicyType.UNKNOWN_TO_SDK_VERSION) {
      throw OrganizationsError.invalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type.");
    }
    return type;
  }

  private static void requireAvailable(OrgRecord org) {
    if (!org.allFeatures()) {
      throw OrganizationsError.POLICY_TYPE_NOT_AVAILABLE_FOR_ORGANIZATION.exception(
          "You can't use the specified policy type with the feature set currently enabled for this organization.");
    }
  }

  private static void requireEnabled(OrgRecord org, String type) {
    if (!org.policyTypeEnabled(type)) {
      throw OrganizationsError.POLICY_TYPE_NOT_ENABLED.exception(
          "This operation can be performed only for enabled policy types.");
    }
  }

  private static void requireRoot(OrgRecord org, String rootId) {
    if (!org.rootId().equals(rootId)) {
      throw OrganizationsError.ROOT_NOT_FOUND.exception("You specified a root that doesn't exist.");
    }
  }

  private static void requireTarget(ReadTx tx, OrgRecord org, String targetId) {
    if (targetId == null || !OrgTree.isTarget(tx, org, targetId)) {
      throw OrganizationsError.TARGET_NOT_FOUND.exception(
          "You specified a target that doesn't exist.");
    }
  }

  static PolicyRecord requirePolicy(ReadTx tx, OrgRecord org, String policyId) {
    return tx.get(POLICIES, key(org.id(), policyId)).orElseThrow(PolicyOperations::policyNotFound);
  }

  private static PolicyRecord requireCustomerPolicy(ReadTx tx, OrgRecord org, String policyId) {
    PolicyRecord policy = requirePolicy(tx, org, policyId);
    if (policy.awsManaged()) {
      throw OrganizationsError.invalidInput("IMMUTABLE_POLICY",
          "You specified a policy that is managed by AWS and can't be modified.");
    }
    return policy;
  }

  private static AwsException policyNotFound() {
    return OrganizationsError.POLICY_NOT_FOUND.exception("You specified a policy that doesn't exist.");
  }

  private static void requireUniqueName(ReadTx tx, OrgRecord org, String type, String name, String exceptId) {
    boolean taken = tx.scan(POLICIES, org.id() + "/", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value)
        .anyMatch(p -> p.type().equals(type) && p.name().equals(name) && !p.id().equals(exceptId));
    if (taken) {
      throw OrganizationsError.DUPLICATE_POLICY.exception("A policy with the same name already exists.");
    }
  }
}
