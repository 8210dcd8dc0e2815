package dev.billinggate.console.session;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One signed-in browser. The id lives in the session cookie; the CSRF token is the synchronizer
 * token every form echoes. {@code signedIn} is who signed in; {@code acting} differs from it after
 * switch role.
 */
public final class ConsoleSession {
  private final String id;
  private final String csrfToken;
  private final Instant createdAt;
  private final Identity signedIn;
  private volatile Instant lastSeen;
  private volatile Identity acting;
  private volatile boolean passwordChangeRequired;
  private final AtomicReference<String> flash = new AtomicReference<>();

  ConsoleSession(String id, String csrfToken, Identity signedIn, Instant now, boolean passwordChangeRequired) {
    this.id = id;
    this.csrfToken = csrfToken;
    this.createdAt = now;
    this.signedIn = signedIn;
    this.acting = signedIn;
    this.lastSeen = now;
    this.passwordChangeRequired = passwordChangeRequired;
  }

  public String id() { return id; }
  public String csrfToken() { return csrfToken; }
  public Instant createdAt() { return createdAt; }
  public Instant lastSeen() { return lastSeen; }
  public Identity signedIn() { return signedIn; }
  public Identity acting() { return acting; }
  public boolean passwordChangeRequired() { return passwordChangeRequired; }

  /** Whether the session acts as a switched role. */
  public boolean switched() {
    return acting != signedIn;
  }

  void touch(Instant now) {
    lastSeen = now;
  }

  public void switchTo(Identity role) {
    acting = role;
  }

  public void switchBack() {
    acting = signedIn;
  }

  /** A message for the next page this session loads (post/redirect/get), kept server-side so links cannot forge it. */
  public void flash(String message) {
    flash.set(message);
  }

  /** The pending message, removed; {@code null} when none. */
  public String takeFlash() {
    return flash.getAndSet(null);
  }

  public void passwordChanged() {
    passwordChangeRequired = false;
  }

  /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
  public boolean csrfMatches(String presented) {
    return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }
}
