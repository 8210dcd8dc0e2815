package dev.billinggate.service.organizations;

import dev.billinggate.service.organizations.OrgTables.AccountRecord;
import dev.billinggate.service.organizations.OrgTables.CreateAccountRecord;
import dev.billinggate.service.organizations.OrgTables.HandshakeRecord;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.OuRecord;
import dev.billinggate.service.organizations.OrgTables.PolicyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.Handshake;
import software.amazon.awssdk.services.organizations.model.HandshakeParty;
import software.amazon.awssdk.services.organizations.model.HandshakePartyType;
import software.amazon.awssdk.services.organizations.model.HandshakeResource;
import software.amazon.awssdk.services.organizations.model.HandshakeResourceType;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.PolicyTypeSummary;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Stored records rendered as the SDK model shapes AWS returns. */
final class OrgViews {
  private OrgViews() {}

  static Organization organization(OrgRecord org) {
    return Organization.builder()
        .id(org.id())
        .arn(OrgArns.organization(org.managementAccountId(), org.id()))
        .featureSet(org.featureSet())
        .masterAccountArn(OrgArns.managementAccount(org.managementAccountId(), org.id()))
        .masterAccountId(org.managementAccountId())
        .masterAccountEmail(org.managementEmail())
        // Deprecated member; AWS still returns SCP as available in all-features organizations.
        .availablePolicyTypes(org.allFeatures()
            ? List.of(PolicyTypeSummary.builder().type(ManagedOrgPolicies.SCP).status(PolicyTypeStatus.ENABLED).build())
            : List.of())
        .build();
  }

  static Root root(OrgRecord org) {
    return Root.builder()
        .id(org.rootId())
        .arn(OrgArns.root(org.managementAccountId(), org.id(), org.rootId()))
        .name("Root")
        .policyTypes(org.enabledPolicyTypes().stream()
            .map(t -> PolicyTypeSummary.builder().type(t).status(PolicyTypeStatus.ENABLED).build())
            .toList())
        .build();
  }

  static OrganizationalUnit ou(OrgRecord org, OuRecord ou) {
    return OrganizationalUnit.builder()
        .id(ou.id())
        .arn(OrgArns.ou(org.managementAccountId(), org.id(), ou.id()))
        .name(ou.name())
        .build();
  }

  /** The deprecated {@code Status} has no CLOSED or PENDING_ACTIVATION: AWS shows SUSPENDED / ACTIVE. */
  static Account account(OrgRecord org, AccountRecord a) {
    String status = switch (a.state()) {
      case "PENDING_CLOSURE" -> "PENDING_CLOSURE";
      case "SUSPENDED", "CLOSED" -> "SUSPENDED";
      default -> "ACTIVE";
    };
    return Account.builder()
        .id(a.id())
        .arn(OrgArns.account(org.managementAccountId(), org.id(), a.id()))
        .email(a.email())
        .name(a.name())
        .status(status)
        .state(a.state())
        .joinedMethod(a.joinedMethod())
        .joinedTimestamp(a.joinedAt())
        .build();
  }

  static PolicySummary policySummary(OrgRecord org, PolicyRecord p) {
    return PolicySummary.builder()
        .id(p.id())
        .arn(OrgArns.policy(org.managementAccountId(), org.id(), p.type(), p.id(), p.awsManaged()))
        .name(p.name())
        .description(p.description())
        .type(p.type())
        .awsManaged(p.awsManaged())
        .build();
  }

  static software.amazon.awssdk.services.organizations.model.Policy policy(OrgRecord org, PolicyRecord p) {
    return software.amazon.awssdk.services.organizations.model.Policy.builder()
        .policySummary(policySummary(org, p))
        .content(p.content())
        .build();
  }

  static CreateAccountStatus createAccountStatus(CreateAccountRecord r) {
    return CreateAccountStatus.builder()
        .id(r.id())
        .accountName(r.accountName())
        .state(r.state())
        .requestedTimestamp(r.requestedAt())
        .completedTimestamp(r.completedAt())
        .accountId(r.accountId())
        .failureReason(r.failureReason())
        .build();
  }

  /**
   * A handshake as AWS shows it: the organization party's id is the org id without its {@code o-}
   * prefix, and INVITE handshakes carry the organization's details as nested resources.
   */
  static Handshake handshake(OrgRecord org, HandshakeRecord h) {
    HandshakeParty orgParty = HandshakeParty.builder()
        .id(h.orgId().substring(2)).type(HandshakePartyType.ORGANIZATION).build();
    HandshakeParty target = h.targetEmail() != null
        ? HandshakeParty.builder().id(h.targetEmail()).type(HandshakePartyType.EMAIL).build()
        : HandshakeParty.builder().id(h.targetAccountId()).type(HandshakePartyType.ACCOUNT).build();
    List<HandshakeResource> resources = new ArrayList<>();
    resources.add(HandshakeResource.builder()
        .type(HandshakeResourceType.ORGANIZATION)
        .value(h.orgId())
        .resources(
            resource(HandshakeResourceType.MASTER_EMAIL, org.managementEmail()),
            resource(HandshakeResourceType.MASTER_NAME, org.managementName()),
            resource(HandshakeResourceType.ORGANIZATION_FEATURE_SET, org.featureSet()))
        .build());
    resources.add(h.targetEmail() != null
        ? resource(HandshakeResourceType.EMAIL, h.targetEmail())
        : resource(HandshakeResourceType.ACCOUNT, h.targetAccountId()));
    if (h.notes() != null) {
      resources.add(resource(HandshakeResourceType.NOTES, h.notes()));
    }
    return Handshake.builder()
        .id(h.id())
        .arn(OrgArns.handshake(h.managementAccountId(), h.orgId(), h.action(), h.id()))
        .parties(orgParty, target)
        .state(h.state())
        .requestedTimestamp(h.requestedAt())
        .expirationTimestamp(h.expiresAt())
        .action(h.action())
        .resources(resources)
        .build();
  }

  private static HandshakeResource resource(HandshakeResourceType type, String value) {
    return HandshakeResource.builder().type(type).value(value).build();
  }

  static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
