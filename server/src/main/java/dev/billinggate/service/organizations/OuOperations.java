package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.CHILDREN;
import static dev.billinggate.service.organizations.OrgTables.OUS;
import static dev.billinggate.service.organizations.OrgTables.TAGS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.AccountRecord;
import dev.billinggate.service.organizations.OrgTables.ChildLink;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.OuRecord;
import dev.billinggate.service.organizations.OrgTables.TagSet;
import dev.billinggate.store.ReadTx;
import java.util.List;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.ListChildrenRequest;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.MoveAccountRequest;
import software.amazon.awssdk.services.organizations.model.MoveAccountResponse;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.UpdateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.UpdateOrganizationalUnitResponse;

/** Organizational units and the shape of the tree: children, parents, moving accounts. */
final class OuOperations {
  /** AWS's quota of OUs per organization. */
  static final int MAX_OUS = 2_000;

  private final OrgTransactions txs;
  private final AwsIds ids;

  OuOperations(OrgTransactions txs, AwsIds ids) {
    this.txs = txs;
    this.ids = ids;
  }

  CreateOrganizationalUnitResponse createOrganizationalUnit(CreateOrganizationalUnitRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      requireParent(tx, org, r.parentId());
      int depth = OrgTree.depth(tx, org, r.parentId()) + 1;
      if (depth > OrgTree.MAX_OU_DEPTH) {
        throw OrganizationsError.constraint("OU_DEPTH_LIMIT_EXCEEDED",
            "You attempted to create an OU tree that is too many levels deep.");
      }
      if (tx.count(OUS, org.id() + "/") >= MAX_OUS) {
        throw OrganizationsError.constraint("OU_NUMBER_LIMIT_EXCEEDED",
            "You attempted to exceed the number of OUs that you can have in an organization.");
      }
      requireUniqueName(tx, org, r.parentId(), r.name());
      OuRecord ou = new OuRecord(ids.organizationalUnitId(org.rootId()), r.name(), r.parentId(), depth);
      tx.put(OUS, key(org.id(), ou.id()), ou);
      OrgTree.link(tx, org.id(), r.parentId(), OrgTree.OU, ou.id());
      Attachments.attachDefaults(tx, org, ou.id());
      if (r.hasTags() && !r.tags().isEmpty()) {
        tx.put(TAGS, key(org.id(), ou.id()), new TagSet(TagOperations.toMap(r.tags())));
      }
      return CreateOrganizationalUnitResponse.builder().organizationalUnit(OrgViews.ou(org, ou)).build();
    });
  }

  UpdateOrganizationalUnitResponse updateOrganizationalUnit(UpdateOrganizationalUnitRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      OuRecord ou = requireOu(tx, org, r.organizationalUnitId());
      if (r.name() != null && !r.name().equals(ou.name())) {
        requireUniqueName(tx, org, ou.parentId(), r.name());
        ou = ou.withName(r.name());
        tx.put(OUS, key(org.id(), ou.id()), ou);
      }
      return UpdateOrganizationalUnitResponse.builder().organizationalUnit(OrgViews.ou(org, ou)).build();
    });
  }

  DeleteOrganizationalUnitResponse deleteOrganizationalUnit(DeleteOrganizationalUnitRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      OuRecord ou = requireOu(tx, org, r.organizationalUnitId());
      if (OrgTree.hasChildren(tx, org.id(), ou.id())) {
        throw OrganizationsError.ORGANIZATIONAL_UNIT_NOT_EMPTY.exception(
            "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs,"
                + " and try the operation again.");
      }
      Attachments.detachAll(tx, org.id(), ou.id());
      OrgTree.unlink(tx, org.id(), ou.parentId(), OrgTree.OU, ou.id());
      tx.delete(TAGS, key(org.id(), ou.id()));
      tx.delete(OUS, key(org.id(), ou.id()));
      return DeleteOrganizationalUnitResponse.builder().build();
    });
  }

  DescribeOrganizationalUnitResponse describeOrganizationalUnit(DescribeOrganizationalUnitRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      return DescribeOrganizationalUnitResponse.builder()
          .organizationalUnit(OrgViews.ou(org, requireOu(tx, org, r.organizationalUnitId())))
          .build();
    });
  }

  ListOrganizationalUnitsForParentResponse listOrganizationalUnitsForParent(
      ListOrganizationalUnitsForParentRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      requireParent(tx, org, r.parentId());
      Pages.Page<ChildLink> page = Pages.scan(tx, CHILDREN, OrgTree.childPrefix(org.id(), r.parentId(), OrgTree.OU),
          r.nextToken(), r.maxResults());
      return ListOrganizationalUnitsForParentResponse.builder()
          .organizationalUnits(page.items().stream()
              .map(c -> OrgViews.ou(org, OrgTree.ou(tx, org.id(), c.childId()).orElseThrow()))
              .toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  ListChildrenResponse listChildren(ListChildrenRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      requireParent(tx, org, r.parentId());
      String type = r.childTypeAsString();
      if (!OrgTree.ACCOUNT.equals(type) && !OrgTree.OU.equals(type)) {
        throw OrganizationsError.invalidInput("INVALID_ENUM", "You specified an invalid value for ChildType.");
      }
      Pages.Page<ChildLink> page = Pages.scan(tx, CHILDREN, OrgTree.childPrefix(org.id(), r.parentId(), type),
          r.nextToken(), r.maxResults());
      return ListChildrenResponse.builder()
          .children(page.items().stream().map(c -> Child.builder().id(c.childId()).type(c.type()).build()).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  /** Every OU and account has exactly one parent, so this list is always a single page. */
  ListParentsResponse listParents(ListParentsRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      String parent = OrgTree.parentOf(tx, org.id(), r.childId())
          .orElseThrow(() -> OrganizationsError.CHILD_NOT_FOUND.exception(
              "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified."));
      ParentType type = parent.startsWith("r-") ? ParentType.ROOT : ParentType.ORGANIZATIONAL_UNIT;
      return ListParentsResponse.builder().parents(Parent.builder().id(parent).type(type).build()).build();
    });
  }

  MoveAccountResponse moveAccount(MoveAccountRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      if (!OrgTree.isContainer(tx, org, r.sourceParentId())) {
        throw OrganizationsError.SOURCE_PARENT_NOT_FOUND.exception(
            "We can't find a source root or OU with the ParentId that you specified.");
      }
      if (!OrgTree.isContainer(tx, org, r.destinationParentId())) {
        throw OrganizationsError.DESTINATION_PARENT_NOT_FOUND.exception(
            "We can't find the destination container (a root or OU) with the ParentId that you specified.");
      }
      AccountRecord account = OrgTree.account(tx, org.id(), r.accountId())
          .filter(a -> a.parentId().equals(r.sourceParentId()))
          .orElseThrow(OrganizationsError::accountNotFound);
      if (r.destinationParentId().equals(r.sourceParentId())) {
        throw OrganizationsError.DUPLICATE_ACCOUNT.exception("That account is already present in the specified destination.");
      }
      OrgTree.unlink(tx, org.id(), r.sourceParentId(), OrgTree.ACCOUNT, account.id());
      OrgTree.link(tx, org.id(), r.destinationParentId(), OrgTree.ACCOUNT, account.id());
      tx.put(ACCOUNTS, key(org.id(), account.id()), account.withParent(r.destinationParentId()));
      return MoveAccountResponse.builder().build();
    });
  }

  static void requireParent(ReadTx tx, OrgRecord org, String parentId) {
    if (parentId == null || !OrgTree.isContainer(tx, org, parentId)) {
      throw OrganizationsError.PARENT_NOT_FOUND.exception("We can't find a root or OU with the ParentId that you specified.");
    }
  }

  private static OuRecord requireOu(ReadTx tx, OrgRecord org, String ouId) {
    return OrgTree.ou(tx, org.id(), ouId).orElseThrow(OuOperations::ouNotFound);
  }

  private static AwsException ouNotFound() {
    return OrganizationsError.ORGANIZATIONAL_UNIT_NOT_FOUND.exception(
        "You specified an organizational unit that doesn't exist.");
  }

  private static void requireUniqueName(ReadTx tx, OrgRecord org, String parentId, String name) {
    List<ReadTx.Entry<ChildLink>> siblings = tx.scan(
        CHILDREN, OrgTree.childPrefix(org.id(), parentId, OrgTree.OU), null, Integer.MAX_VALUE);
    boolean taken = siblings.stream()
        .anyMatch(s -> OrgTree.ou(tx, org.id(), s.value().childId()).map(OuRecord::name).orElse("").equals(name));
    if (taken) {
      throw OrganizationsError.DUPLICATE_ORGANIZATIONAL_UNIT.exception("An OU with the same name already exists.");
    }
  }
}
