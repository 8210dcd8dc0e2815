package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class HandshakeOperationsTest {
  private static final String GUEST = "333333333333";
  private final OrgFixture f = new OrgFixture();
  private String orgId;

  @BeforeEach
  void organization() {
    orgId = f.createOrganization().organization().id();
    f.standalone(GUEST);
  }

  private Handshake invite(String accountId) {
    InviteAccountToOrganizationResponse r = f.mgmt(InviteAccountToOrganizationRequest.builder()
        .target(HandshakeParty.builder().id(accountId).type(HandshakePartyType.ACCOUNT).build())
        .notes("welcome").tags(Tag.builder().key("source").value("invite").build()).build());
    return r.handshake();
  }

  @Test
  void anInvitedAccountJoinsByAcceptingTheHandshake() {
    Handshake h = invite(GUEST);
    assertThat(h.id()).matches("h-[a-z0-9]{10}");
    assertThat(h.state()).isEqualTo(HandshakeState.OPEN);
    assertThat(h.action()).isEqualTo(ActionType.INVITE);
    assertThat(h.arn()).isEqualTo("arn:aws:organizations::" + MGMT + ":handshake/" + orgId + "/invite/" + h.id());
    assertThat(h.parties()).contains(HandshakeParty.builder().id(orgId.substring(2)).type(HandshakePartyType.ORGANIZATION)
        .build());
    assertThat(h.expirationTimestamp()).isEqualTo(h.requestedTimestamp().plus(Duration.ofDays(15)));

    ListHandshakesForAccountResponse mine = f.call(GUEST, ListHandshakesForAccountRequest.builder().build());
    assertThat(mine.handshakes()).extracting(Handshake::id).containsExactly(h.id());

    AcceptHandshakeResponse accepted = f.call(GUEST, AcceptHandshakeRequest.builder().handshakeId(h.id()).build());
    assertThat(accepted.handshake().state()).isEqualTo(HandshakeState.ACCEPTED);
    DescribeAccountResponse a = f.mgmt(DescribeAccountRequest.builder().accountId(GUEST).build());
    assertThat(a.account().joinedMethod()).isEqualTo(AccountJoinedMethod.INVITED);
    assertThat(a.account().email()).isEqualTo("owner-" + GUEST + "@example.com");
    ListTagsForResourceResponse tags = f.mgmt(ListTagsForResourceRequest.builder().resourceId(GUEST).build());
    assertThat(tags.tags()).containsExactly(Tag.builder().key("source").value("invite").build());

    f.fails(GUEST, AcceptHandshakeRequest.builder().handshakeId(h.id()).build(), "HandshakeAlreadyInStateException");
    f.fails(GUEST, DeclineHandshakeRequest.builder().handshakeId(h.id()).build(), "InvalidHandshakeTransitionException");
  }

  @Test
  void invitationsByEmailReachTheAccountWithThatEmail() {
    InviteAccountToOrganizationResponse r = f.mgmt(InviteAccountToOrganizationRequest.builder()
        .target(HandshakeParty.builder().id("owner-" + GUEST + "@example.com").type(HandshakePartyType.EMAIL).build())
        .build());
    f.call(GUEST, AcceptHandshakeRequest.builder().handshakeId(r.handshake().id()).build());
    assertThat(f.directory.membership(GUEST)).isPresent();
  }

  @Test
  void declineAndCancel() {
    Handshake h = invite(GUEST);
    DeclineHandshakeResponse d = f.call(GUEST, DeclineHandshakeRequest.builder().handshakeId(h.id()).build());
    assertThat(d.handshake().state()).isEqualTo(HandshakeState.DECLINED);

    Handshake again = invite(GUEST);
    CancelHandshakeResponse c = f.mgmt(CancelHandshakeRequest.builder().handshakeId(again.id()).build());
    assertThat(c.handshake().state()).isEqualTo(HandshakeState.CANCELED);
    f.fails(GUEST, AcceptHandshakeRequest.builder().handshakeId(again.id()).build(),
        "InvalidHandshakeTransitionException");
    ListHandshakesForOrganizationResponse all = f.mgmt(ListHandshakesForOrganizationRequest.builder().build());
    assertThat(all.handshakes()).hasSize(2);
  }

  @Test
  void invitationRules() {
    String member = f.createAccount("m");
    f.failsWithReason(MGMT, InviteAccountToOrganizationRequest.builder()
        .target(HandshakeParty.builder().id(member).type(HandshakePartyType.ACCOUNT).build()).build(),
        "HandshakeConstraintViolationException", "ALREADY_IN_AN_ORGANIZATION");
    invite(GUEST);
    f.fails(MGMT, InviteAccountToOrganizationRequest.builder()
        .target(HandshakeParty.builder().id(GUEST).type(HandshakePartyType.ACCOUNT).build()).build(),
        "DuplicateHandshakeException");
    f.fails("444444444444", AcceptHandshakeRequest.builder().handshakeId("h-0000000000").build(),
        "HandshakeNotFoundException");
  }

  @Test
  void openHandshakesExpire() {
    Handshake h = invite(GUEST);
    f.advance(Duration.ofDays(16));
    DescribeHandshakeResponse d = f.call(GUEST, DescribeHandshakeRequest.builder().handshakeId(h.id()).build());
    assertThat(d.handshake().state()).isEqualTo(HandshakeState.EXPIRED);
    f.fails(GUEST, AcceptHandshakeRequest.builder().handshakeId(h.id()).build(), "InvalidHandshakeTransitionException");
  }

  @Test
  void enableAllFeaturesNeedsEveryInvitedMemberToApprove() {
    OrgFixture cb = new OrgFixture();
    cb.mgmt(CreateOrganizationRequest.builder().featureSet(OrganizationFeatureSet.CONSOLIDATED_BILLING).build());
    cb.standalone(GUEST);
    InviteAccountToOrganizationResponse inv = cb.mgmt(InviteAccountToOrganizationRequest.builder()
        .target(HandshakeParty.builder().id(GUEST).type(HandshakePartyType.ACCOUNT).build()).build());
    cb.call(GUEST, AcceptHandshakeRequest.builder().handshakeId(inv.handshake().id()).build());

    EnableAllFeaturesResponse e = cb.mgmt(EnableAllFeaturesRequest.builder().build());
    assertThat(e.handshake().action()).isEqualTo(ActionType.ENABLE_ALL_FEATURES);
    cb.failsWithReason(MGMT, EnableAllFeaturesRequest.builder().build(), "HandshakeConstraintViolationException",
        "ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION");
    cb.fails(MGMT, AcceptHandshakeRequest.builder().handshakeId(e.handshake().id()).build(),
        "InvalidHandshakeTransitionException");
    cb.failsWithReason(MGMT, InviteAccountToOrganizationRequest.builder()
        .target(HandshakeParty.builder().id(cb.standalone("555555555555")).type(HandshakePartyType.ACCOUNT).build())
        .build(), "HandshakeConstraintViolationException", "INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES");

    ListHandshakesForAccountResponse approvals = cb.call(GUEST, ListHandshakesForAccountRequest.builder()
        .filter(HandshakeFilter.builder().actionType(ActionType.APPROVE_ALL_FEATURES).build()).build());
    assertThat(approvals.handshakes()).hasSize(1);
    cb.call(GUEST, AcceptHandshakeRequest.builder().handshakeId(approvals.handshakes().get(0).id()).build());
    cb.mgmt(AcceptHandshakeRequest.builder().handshakeId(e.handshake().id()).build());

    DescribeOrganizationResponse d = cb.mgmt(DescribeOrganizationRequest.builder().build());
    assertThat(d.organization().featureSet()).isEqualTo(OrganizationFeatureSet.ALL);
    cb.failsWithReason(MGMT, EnableAllFeaturesRequest.builder().build(), "HandshakeConstraintViolationException",
        "ORGANIZATION_ALREADY_HAS_ALL_FEATURES");
  }
}
