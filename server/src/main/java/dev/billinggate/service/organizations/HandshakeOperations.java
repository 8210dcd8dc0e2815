package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.ACCOUNTS;
import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES_BY_ACCOUNT;
import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES_BY_ORG;
import static dev.billinggate.service.organizations.OrgTables.MEMBERS;
import static dev.billinggate.service.organizations.OrgTables.ORGS;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.HandshakeRecord;
import dev.billinggate.service.organizations.OrgTables.HandshakeRef;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.model.AcceptHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.AcceptHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.CancelHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.CancelHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.DeclineHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.DeclineHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.DescribeHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.DescribeHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.Handshake;
import software.amazon.awssdk.services.organizations.model.HandshakeFilter;
import software.amazon.awssdk.services.organizations.model.HandshakePartyType;
import software.amazon.awssdk.services.organizations.model.InviteAccountToOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.InviteAccountToOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForAccountRequest;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForAccountResponse;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForOrganizationResponse;

/**
 * Invitations and the all-features migration. The invited (or approving) account accepts or
 * declines; the management account cancels. Invitations by email reach the account registered with
 * that email, if one exists.
 */
final class HandshakeOperations {
  private final OrgTransactions txs;
  private final AccountProvisioner provisioner;
  private final AwsIds ids;
  private final OrganizationsSettings settings;

  HandshakeOperations(OrgTransactions txs, AccountProvisioner provisioner, AwsIds ids, OrganizationsSettings settings) {
    this.txs = txs;
    this.provisioner = provisioner;
    this.ids = ids;
    this.settings = settings;
  }

  InviteAccountToOrganizationResponse inviteAccountToOrganization(
      InviteAccountToOrganizationRequest r, CallContext ctx) {
    HandshakePartyType type = r.target() == null ? null : r.target().type();
    if (type != HandshakePartyType.ACCOUNT && type != HandshakePartyType.EMAIL) {
      throw OrganizationsError.invalidInput("INVALID_PARTY_TYPE_TARGET",
          "You specified the wrong type for the handshake party.");
    }
    Map<String, String> tags = r.hasTags() ? TagOperations.toMap(r.tags()) : Map.of();
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      String email = type == HandshakePartyType.EMAIL ? r.target().id() : null;
      String accountId = email == null ? r.target().id() : provisioner.accountIdByEmail(tx, email).orElse(null);
      if (accountId != null && tx.get(MEMBERS, accountId).isPresent()) {
        throw handshakeConstraint("ALREADY_IN_AN_ORGANIZATION",
            "The handshake request is invalid because the invited account is already a member of an organization.");
      }
      if (!Handshakes.openOf(tx, org.id(), "ENABLE_ALL_FEATURES", ctx.now()).isEmpty()) {
        throw handshakeConstraint("INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES",
            "You can't issue new invitations to join an organization while it's in the process of enabling all"
                + " features.");
      }
      List<HandshakeRecord> invitations = Handshakes.openOf(tx, org.id(), "INVITE", ctx.now());
      if (tx.count(ACCOUNTS, org.id() + "/") + invitations.size() >= settings.accountQuota()) {
        throw handshakeConstraint("ACCOUNT_NUMBER_LIMIT_EXCEEDED",
            "You attempted to exceed the number of accounts that you can have in an organization.");
      }
      boolean duplicate = invitations.stream()
          .anyMatch(h -> accountId != null && accountId.equals(h.targetAccountId())
              || email != null && email.equalsIgnoreCase(h.targetEmail()));
      if (duplicate) {
        throw OrganizationsError.DUPLICATE_HANDSHAKE.exception(
            "A handshake with the same action and target already exists.");
      }
      HandshakeRecord h = Handshakes.open(tx, ids, org, "INVITE", accountId, email, r.notes(), tags, ctx.now());
      return InviteAccountToOrganizationResponse.builder().handshake(OrgViews.handshake(org, h)).build();
    });
  }

  AcceptHandshakeResponse acceptHandshake(AcceptHandshakeRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      String caller = ctx.caller().accountId();
      HandshakeRecord h = requireTransition(tx, r.handshakeId(), caller, "ACCEPTED", ctx.now());
      OrgRecord org = tx.get(ORGS, h.orgId()).orElseThrow(HandshakeOperations::notFound);
      switch (h.action()) {
        case "INVITE" -> join(tx, org, caller, h.tags(), ctx.now());
        case "ENABLE_ALL_FEATURES" -> finishAllFeatures(tx, org, ctx.now());
        default -> { }
      }
      HandshakeRecord accepted = h.withState("ACCEPTED");
      Handshakes.put(tx, accepted);
      return AcceptHandshakeResponse.builder().handshake(view(tx, accepted)).build();
    });
  }

  DeclineHandshakeResponse declineHandshake(DeclineHandshakeRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      HandshakeRecord h = requireTransition(tx, r.handshakeId(), ctx.caller().accountId(), "DECLINED", ctx.now());
      HandshakeRecord declined = h.withState("DECLINED");
      Handshakes.put(tx, declined);
      return DeclineHandshakeResponse.builder().handshake(view(tx, declined)).build();
    });
  }

  CancelHandshakeResponse cancelHandshake(CancelHandshakeRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      HandshakeRecord h = Handshakes.find(tx, r.handshakeId(), ctx.now())
          .filter(x -> x.orgId().equals(org.id()))
          .orElseThrow(HandshakeOperations::notFound);
      requireOpen(h, "CANCELED");
      HandshakeRecord canceled = h.withState("CANCELED");
      Handshakes.put(tx, canceled);
      return CancelHandshakeResponse.builder().handshake(OrgViews.handshake(org, canceled)).build();
    });
  }

  /** Either party may describe a handshake: the management account or the account it addresses. */
  DescribeHandshakeResponse describeHandshake(DescribeHandshakeRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      String caller = ctx.caller().accountId();
      HandshakeRecord h = Handshakes.find(tx, r.handshakeId(), ctx.now())
          .filter(x -> caller.equals(x.targetAccountId()) || caller.equals(x.managementAccountId()))
          .orElseThrow(HandshakeOperations::notFound);
      return DescribeHandshakeResponse.builder().handshake(view(tx, h)).build();
    });
  }

  /** Handshakes addressed to the caller; works outside any organization (that's how invitees see them). */
  ListHandshakesForAccountResponse listHandshakesForAccount(ListHandshakesForAccountRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      Pages.Page<HandshakeRef> page = Pages.scan(tx, HANDSHAKES_BY_ACCOUNT, ctx.caller().accountId() + "/",
          r.nextToken(), r.maxResults(), ref -> matches(tx, ref, r.filter(), ctx.now()));
      return ListHandshakesForAccountResponse.builder()
          .handshakes(page.items().stream().map(ref -> view(tx, find(tx, ref, ctx.now()))).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  ListHandshakesForOrganizationResponse listHandshakesForOrganization(
      ListHandshakesForOrganizationRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      Pages.Page<HandshakeRef> page = Pages.scan(tx, HANDSHAKES_BY_ORG, org.id() + "/", r.nextToken(),
          r.maxResults(), ref -> matches(tx, ref, r.filter(), ctx.now()));
      return ListHandshakesForOrganizationResponse.builder()
          .handshakes(page.items().stream().map(ref -> OrgViews.handshake(org, find(tx, ref, ctx.now()))).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  private void join(WriteTx tx, OrgRecord org, String caller, Map<String, String> tags, Instant now) {
    if (tx.get(MEMBERS, caller).isPresent()) {
      throw handshakeConstraint("ALREADY_IN_AN_ORGANIZATION",
          "The handshake request is invalid because the invited account is already a member of an organization.");
    }
    if (tx.count(ACCOUNTS, org.id() + "/") >= settings.accountQuota()) {
      throw handshakeConstraint("ACCOUNT_NUMBER_LIMIT_EXCEEDED",
          "You attempted to exceed the number of accounts that you can have in an organization.");
    }
    AccountProvisioner.ExistingAccount me = Members.describe(provisioner, tx, caller);
    Members.join(tx, org, caller, me.email(), me.name(), "INVITED", now, tags);
  }

  /** The management account's acceptance completes the migration once every member approved. */
  private static void finishAllFeatures(WriteTx tx, OrgRecord org, Instant now) {
    boolean awaiting = tx.scan(HANDSHAKES_BY_ORG, org.id() + "/", null, Integer.MAX_VALUE).stream()
        .map(e -> Handshakes.find(tx, e.value().handshakeId(), now).orElseThrow())
        .anyMatch(h -> "APPROVE_ALL_FEATURES".equals(h.action()) && !"ACCEPTED".equals(h.state()));
    if (awaiting) {
      throw OrganizationsError.INVALID_HANDSHAKE_TRANSITION.exception(
          "You can't accept this handshake until all member accounts approve the change to all features.");
    }
    tx.put(ORGS, org.id(), org.withFeatureSet("ALL"));
  }

  private static HandshakeRecord requireTransition(
      ReadTx tx, String handshakeId, String caller, String newState, Instant now) {
    HandshakeRecord h = Handshakes.find(tx, handshakeId, now)
        .filter(x -> caller.equals(x.targetAccountId()))
        .orElseThrow(HandshakeOperations::notFound);
    requireOpen(h, newState);
    return h;
  }

  private static void requireOpen(HandshakeRecord h, String newState) {
    if (h.state().equals(newState)) {
      throw OrganizationsError.HANDSHAKE_ALREADY_IN_STATE.exception(
          "The specified handshake is already in the requested state.");
    }
    if (!Handshakes.isOpen(h.state())) {
      throw OrganizationsError.INVALID_HANDSHAKE_TRANSITION.exception(
          "You can't perform the operation on the handshake in its current state.");
    }
  }

  private static boolean matches(ReadTx tx, HandshakeRef ref, HandshakeFilter filter, Instant now) {
    if (filter == null || filter.actionTypeAsString() == null) {
      return true;
    }
    return filter.actionTypeAsString().equals(find(tx, ref, now).action());
  }

  private static HandshakeRecord find(ReadTx tx, HandshakeRef ref, Instant now) {
    return Handshakes.find(tx, ref.handshakeId(), now).orElseThrow();
  }

  private static Handshake view(ReadTx tx, HandshakeRecord h) {
    Optional<OrgRecord> org = tx.get(ORGS, h.orgId());
    return org.map(o -> OrgViews.handshake(o, h)).orElseThrow(HandshakeOperations::notFound);
  }

  private static AwsException handshakeConstraint(String reason, String message) {
    return OrganizationsError.HANDSHAKE_CONSTRAINT_VIOLATION.withReason(reason, message);
  }

  private static AwsException notFound() {
    return OrganizationsError.HANDSHAKE_NOT_FOUND.exception(
        "We can't find a handshake with the HandshakeId that you specified.");
  }
}
