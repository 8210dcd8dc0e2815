package dev.billinggate.console.session;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Console sessions, kept in the store: with {@code --data} they survive a restart, and a reset or
 * snapshot of the store takes them along. Sessions end after {@code idle} without a request or
 * {@code maximum} after sign-in, measured on the injected clock.
 */
public final class SessionStore {
  /** Keyed by the SHA-256 of the session id, so the data directory holds no usable cookie. */
  static final Table<StoredSession> SESSIONS = Table.of("console.sessions", StoredSession.class);

  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
  /** A request refreshes the stored last-seen time at most this often, so reading pages costs no write. */
  private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

  private final Store store;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idle;
  private final Duration maximum;
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

  public SessionStore(Store store, Clock clock, Duration idle, Duration maximum) {
    this.store = store;
    this.clock = clock;
    this.idle = idle;
    this.maximum = maximum;
  }

  public ConsoleSession create(Identity identity, boolean passwordChangeRequired) {
    sweepNowAndThen();
    Instant now = clock.instant();
    String id = token();
    StoredSession state = new StoredSession(token(), now, now, identity, identity, passwordChangeRequired, null);
    save(id, state);
    return new ConsoleSession(this, id, state);
  }

  /** The live session with this id, touched; expired ones are removed and not returned. */
  public Optional<ConsoleSession> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String key = key(id);
    StoredSession state = store.read(tx -> tx.get(SESSIONS, key)).orElse(null);
    if (state == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(state, now)) {
      remove(id);
      return Optional.empty();
    }
    StoredSession current = state;
    Identity acting = state.acting();
    if (acting != null && acting.expiresAt() != null && now.isAfter(acting.expiresAt())) {
      // A switched role's credentials expired: back to the signed-in identity, as AWS's console does.
      current = current.acting(state.signedIn());
    }
    if (!now.isBefore(state.lastSeen().plus(TOUCH_GRANULARITY))) {
      current = current.touched(now);
    }
    if (current != state) {
      save(id, current);
    }
    return Optional.of(new ConsoleSession(this, id, current));
  }

  private boolean expired(StoredSession session, Instant now) {
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
      List<String> expired = store.read(tx -> tx.scan(SESSIONS, "", null, Integer.MAX_VALUE).stream()
          .filter(e -> expired(e.value(), now)).map(ReadTx.Entry::key).toList());
      if (!expired.isEmpty()) {
        store.write(tx -> {
          expired.forEach(key -> tx.delete(SESSIONS, key));
          return null;
        });
      }
    }
  }

  /** Signs everybody out: the accounts and users the sessions belonged to may no longer exist. */
  public void clear() {
    store.write(tx -> {
      tx.scan(SESSIONS, "", null, Integer.MAX_VALUE).forEach(e -> tx.delete(SESSIONS, e.key()));
      return null;
    });
  }

  public void remove(String id) {
    String key = key(id);
    store.write(tx -> {
      tx.delete(SESSIONS, key);
      return null;
    });
  }

  void save(String id, StoredSession state) {
    String key = key(id);
    store.write(tx -> {
      tx.put(SESSIONS, key, state);
      return null;
    });
  }

  private static String key(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** 256 random bits, URL-safe. */
  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
