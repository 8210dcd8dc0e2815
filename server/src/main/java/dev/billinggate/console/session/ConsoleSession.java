package dev.billinggate.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * One signed-in browser. The id lives in the session cookie; the CSRF token is the synchronizer
 * token every form echoes. {@code signedIn} is who signed in; {@code acting} differs from it after
 * switch role. Every change is written to the {@link SessionStore} at once.
 */
public final class ConsoleSession {
  private final SessionStore owner;
  private final String id;
  private volatile StoredSession state;

  ConsoleSession(SessionStore owner, String id, StoredSession state) {
    this.owner = owner;
    this.id = id;
    this.state = state;
  }

  public String id() { return id; }
  public String csrfToken() { return state.csrfToken(); }
  public Instant createdAt() { return state.createdAt(); }
  public Instant lastSeen() { return state.lastSeen(); }
  public Identity signedIn() { return state.signedIn(); }
  public Identity acting() { return state.acting(); }
  public boolean passwordChangeRequired() { return state.passwordChangeRequired(); }

  /** Whether the session acts as a switched role. */
  public boolean switched() {
    return !Objects.equals(state.acting(), state.signedIn());
  }

  public void switchTo(Identity role) {
    change(state.acting(role));
  }

  public void switchBack() {
    change(state.acting(state.signedIn()));
  }

  /** A message for the next page this session loads (post/redirect/get), kept server-side so links cannot forge it. */
  public void flash(String message) {
    change(state.withFlash(message));
  }

  /** The pending message, removed; {@code null} when none. */
  public String takeFlash() {
    String message = state.flash();
    if (message != null) {
      change(state.withFlash(null));
    }
    return message;
  }

  public void passwordChanged() {
    change(state.passwordChanged());
  }

  /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
  public boolean csrfMatches(String presented) {
    return presented != null && MessageDigest.isEqual(state.csrfToken().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  private void change(StoredSession next) {
    state = next;
    owner.save(id, next);
  }
}
