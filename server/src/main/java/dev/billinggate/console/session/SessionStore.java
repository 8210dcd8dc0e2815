package dev.billinggate.console.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Console sessions, in memory: a restart signs everybody out, which is what an emulator's user
 * expects. Sessions end after {@code idle} without a request or {@code maximum} after sign-in,
 * measured on the injected clock.
 */
public final class SessionStore {
  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

  private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idle;
  private final Duration maximum;
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

  public SessionStore(Clock clock, Duration idle, Duration maximum) {
    this.clock = clock;
    this.idle = idle;
    this.maximum = maximum;
  }

  public ConsoleSession create(Identity identity, boolean passwordChangeRequired) {
    sweepNowAndThen();
    ConsoleSession session = new ConsoleSession(token(), token(), identity, clock.instant(), passwordChangeRequired);
    sessions.put(session.id(), session);
    return session;
  }

  /** The live session with this id, touched; expired ones are removed and not returned. */
  public Optional<ConsoleSession> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    ConsoleSession session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Identity acting = session.acting();
    if (acting != null && acting.expiresAt() != null && now.isAfter(acting.expiresAt())) {
      // A switched role's credentials expired: back to the signed-in identity, as AWS's console does.
      session.switchBack();
    }
    session.touch(now);
    return Optional.of(session);
  }

  private boolean expired(ConsoleSession session, Instant now) {
    return now.isAfter(session.lastSeen().plus(idle)) || now.isAfter(session.createdAt().plus(maximum));
  }

  /**
   * Drops expired sessions at most once a minute, so sessions nobody comes back to (pre-sign-in
   * sessions of visitors who left) do not accumulate.
   */
  private void sweepNowAndThen() {
    Instant now = clock.instant();
    Instant last = lastSweep.get();
    if (now.isAfter(last.plus(SWEEP_INTERVAL)) && lastSweep.compareAndSet(last, now)) {
      sessions.values().removeIf(session -> expired(session, now));
    }
  }

  /** Signs everybody out: the accounts and users the sessions belonged to may no longer exist. */
  public void clear() {
    sessions.clear();
  }

  public void remove(String id) {
    sessions.remove(id);
  }

  /** 256 random bits, URL-safe. */
  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
