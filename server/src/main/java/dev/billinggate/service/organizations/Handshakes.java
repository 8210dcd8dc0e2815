package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES;
import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES_BY_ACCOUNT;
import static dev.billinggate.service.organizations.OrgTables.HANDSHAKES_BY_ORG;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.organizations.OrgTables.HandshakeRecord;
import dev.billinggate.service.organizations.OrgTables.HandshakeRef;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storing handshakes with their indexes, and their time-dependent state. */
final class Handshakes {
  /** AWS: invitations expire after 15 days, all-features handshakes after 90. */
  static final Duration INVITE_VALIDITY = Duration.ofDays(15);
  static final Duration ALL_FEATURES_VALIDITY = Duration.ofDays(90);

  private Handshakes() {}

  static HandshakeRecord open(
      WriteTx tx, AwsIds ids, OrgRecord org, String action, String targetAccountId, String targetEmail, String notes,
      Map<String, String> tags, Instant now) {
    Duration validity = "INVITE".equals(action) ? INVITE_VALIDITY : ALL_FEATURES_VALIDITY;
    HandshakeRecord h = new HandshakeRecord("h-" + ids.next(IdGenerator.LOWER_ALNUM, 10), org.id(),
        org.managementAccountId(), action, "OPEN", targetAccountId, targetEmail, notes, now, now.plus(validity), tags);
    put(tx, h);
    tx.put(HANDSHAKES_BY_ORG, key(org.id(), h.id()), new HandshakeRef(h.id()));
    if (targetAccountId != null) {
      tx.put(HANDSHAKES_BY_ACCOUNT, key(targetAccountId, h.id()), new HandshakeRef(h.id()));
    }
    return h;
  }

  static void put(WriteTx tx, HandshakeRecord h) {
    tx.put(HANDSHAKES, h.id(), h);
  }

  /** The handshake as of {@code now}: an OPEN handshake past its expiration is EXPIRED. */
  static Optional<HandshakeRecord> find(ReadTx tx, String handshakeId, Instant now) {
    return tx.get(HANDSHAKES, handshakeId).map(h -> current(h, now));
  }

  static HandshakeRecord current(HandshakeRecord h, Instant now) {
    return isOpen(h.state()) && now.isAfter(h.expiresAt()) ? h.withState("EXPIRED") : h;
  }

  /** The organization's handshakes with {@code action} that are still open at {@code now}. */
  static List<HandshakeRecord> openOf(ReadTx tx, String orgId, String action, Instant now) {
    return tx.scan(HANDSHAKES_BY_ORG, orgId + "/", null, Integer.MAX_VALUE).stream()
        .map(e -> find(tx, e.value().handshakeId(), now).orElseThrow())
        .filter(h -> action.equals(h.action()) && isOpen(h.state()))
        .toList();
  }

  static boolean isOpen(String state) {
    return "OPEN".equals(state) || "REQUESTED".equals(state);
  }
}
