package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.DUE;
import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES;
import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES_BY_ACCOUNT;
import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES_BY_ORG;
import static dev.billinggate.service.organizations.OrgTables.MEMBERS;
import static dev.billinggate.service.organizations.OrgTables.ORGS;
import static dev.billinggate.service.organizations.OrgTables.POLICIES;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.core.AwsIds;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.DueWork;
import dev.billinggate.service.organizations.OrgTables.HandshakeRecord;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.PolicyRecord;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.EnableAllFeaturesRequest;
import software.amazon.awssdk.services.organizations.model.EnableAllFeaturesResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;

/** The organization itself: create, describe, delete, its root and the move to all features. */
final class OrganizationOperations {
  private final OrgTransactions txs;
  private final AccountProvisioner provisioner;
  private final AwsIds ids;

  OrganizationOperations(OrgTransactions txs, AccountProvisioner provisioner, AwsIds ids) {
    this.txs = txs;
    this.provisioner = provisioner;
    this.ids = ids;
  }

  /**
   * With FeatureSet ALL (the default) no policy type is enabled yet: although the API reference says
   * SCPs are enabled automatically, organizations created through the API report an empty
   * PolicyTypes list on their root until EnablePolicyType (Terraform and CloudFormation users rely on
   * that). The AWS managed policies exist from the start.
   */
  CreateOrganizationResponse createOrganization(CreateOrganizationRequest r, CallContext ctx) {
    String caller = ctx.caller().accountId();
    String featureSet = r.featureSetAsString() == null ? "ALL" : r.featureSetAsString();
    if (!featureSet.equals("ALL") && !featureSet.equals("CONSOLIDATED_BILLING")) {
      throw OrganizationsError.invalidInput("INVALID_ENUM", "You specified an invalid value for FeatureSet.");
    }
    return txs.write(ctx.now(), tx -> {
      if (tx.get(MEMBERS, caller).isPresent()) {
        throw OrganizationsError.ALREADY_IN_ORGANIZATION.exception(
            "The AWS account is already a member of an organization.");
      }
      AccountProvisioner.ExistingAccount me = Members.describe(provisioner, tx, caller);
      String orgId = ids.organizationId();
      OrgRecord org = new OrgRecord(orgId, featureSet, caller, me.email(), me.name(), ids.rootId(), List.of(),
          ctx.now());
      tx.put(ORGS, orgId, org);
      for (PolicyRecord managed : ManagedOrgPolicies.ALL) {
        tx.put(POLICIES, key(orgId, managed.id()), managed);
      }
      // AWS shows the management account as having joined by invitation, at the organization's creation.
      Members.join(tx, org, caller, me.email(), me.name(), "INVITED", ctx.now(), Map.of());
      return CreateOrganizationResponse.builder().organization(OrgViews.organization(org)).build();
    });
  }

  /** Any member may describe its organization. */
  DescribeOrganizationResponse describeOrganization(DescribeOrganizationRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> DescribeOrganizationResponse.builder()
        .organization(OrgViews.organization(OrgAccess.member(tx, ctx.caller().accountId())))
        .build());
  }

  DeleteOrganizationResponse deleteOrganization(DeleteOrganizationRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      if (tx.count(ACCOUNTS, org.id() + "/") > 1) {
        throw OrganizationsError.ORGANIZATION_NOT_EMPTY.exception(
            "The organization isn't empty. To delete an organization, you must first remove all accounts except"
                + " the management account.");
      }
      deleteEverything(tx, org);
      return DeleteOrganizationResponse.builder().build();
    });
  }

  ListRootsResponse listRoots(ListRootsRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      // One root per organization: a single page whatever MaxResults says.
      return ListRootsResponse.builder().roots(OrgViews.root(org)).build();
    });
  }

  /**
   * Starts the move to all features: an APPROVE_ALL_FEATURES handshake to every invited member, and
   * the ENABLE_ALL_FEATURES handshake the management account accepts once they all approved.
   */
  EnableAllFeaturesResponse enableAllFeatures(EnableAllFeaturesRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      if (org.allFeatures()) {
        throw OrganizationsError.HANDSHAKE_CONSTRAINT_VIOLATION.withReason("ORGANIZATION_ALREADY_HAS_ALL_FEATURES",
            "The handshake request is invalid because the organization has already enabled all features.");
      }
      if (!Handshakes.openOf(tx, org.id(), "ENABLE_ALL_FEATURES", ctx.now()).isEmpty()) {
        throw OrganizationsError.HANDSHAKE_CONSTRAINT_VIOLATION.withReason(
            "ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION",
            "The handshake request is invalid because the organization is already pending all features migration.");
      }
      tx.scan(ACCOUNTS, org.id() + "/", null, Integer.MAX_VALUE).stream()
          .map(ReadTx.Entry::value)
          .filter(a -> "INVITED".equals(a.joinedMethod()) && !a.id().equals(org.managementAccountId()))
          .forEach(a -> Handshakes.open(tx, ids, org, "APPROVE_ALL_FEATURES", a.id(), null, null, Map.of(),
              ctx.now()));
      HandshakeRecord h = Handshakes.open(tx, ids, org, "ENABLE_ALL_FEATURES", org.managementAccountId(), null, null,
          Map.of(), ctx.now());
      return EnableAllFeaturesResponse.builder().handshake(OrgViews.handshake(org, h)).build();
    });
  }

  /** Deletes every record of the organization (it holds only the management account by now). */
  private static void deleteEverything(WriteTx tx, OrgRecord org) {
    for (var ref : tx.scan(HANDSHAKES_BY_ORG, org.id() + "/", null, Integer.MAX_VALUE)) {
      tx.get(HANDSHAKES, ref.value().handshakeId()).ifPresent(h -> {
        if (h.targetAccountId() != null) {
          tx.delete(HANDSHAKES_BY_ACCOUNT, key(h.targetAccountId(), h.id()));
        }
        tx.delete(HANDSHAKES, h.id());
      });
    }
    for (Table<?> table : OrgTables.ORG_SCOPED) {
      deletePrefix(tx, table, org.id() + "/");
    }
    deletePrefix(tx, DUE, key(DueWork.CREATE_ACCOUNT, org.id()) + "/");
    deletePrefix(tx, DUE, key(DueWork.CLOSE_ACCOUNT, org.id()) + "/");
    tx.delete(OrgTables.RESOURCE_POLICY, org.id());
    tx.delete(MEMBERS, org.managementAccountId());
    tx.delete(ORGS, org.id());
  }

  private static <V> void deletePrefix(WriteTx tx, Table<V> table, String prefix) {
    for (ReadTx.Entry<V> e : tx.scan(table, prefix, null, Integer.MAX_VALUE)) {
      tx.delete(table, e.key());
    }
  }
}
