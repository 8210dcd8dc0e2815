package dev.billinggate.console.session;

import java.time.Instant;

/**
 * A console session as the store keeps it, keyed by a hash of its id (the id itself, a bearer
 * secret, is only in the browser's cookie).
 *
 * @param flash the message for the next page (post/redirect/get), {@code null} when none
 */
record StoredSession(String csrfToken, Instant createdAt, Instant lastSeen, Identity signedIn, Identity acting,
    boolean passwordChangeRequired, String flash) {

  StoredSession touched(Instant now) {
    return new StoredSession(csrfToken, createdAt, now, signedIn, acting, passwordChangeRequired, flash);
  }

  StoredSession acting(Identity identity) {
    return new StoredSession(csrfToken, createdAt, lastSeen, signedIn, identity, passwordChangeRequired, flash);
  }

  StoredSession withFlash(String message) {
    return new StoredSession(csrfToken, createdAt, lastSeen, signedIn, acting, passwordChangeRequired, message);
  }

  StoredSession passwordChanged() {
    return new StoredSession(csrfToken, createdAt, lastSeen, signedIn, acting, false, flash);
  }
}
