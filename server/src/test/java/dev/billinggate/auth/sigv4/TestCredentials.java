package dev.billinggate.auth.sigv4;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.CredentialLookup;
import dev.billinggate.auth.CredentialLookup.Credential;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** A fixed clock and a handful of keys in every state the verifier distinguishes. */
final class TestCredentials {
  static final Instant NOW = Instant.parse("2024-01-01T00:10:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final String USER_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String USER_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String INACTIVE_KEY = "AKIAINACTIVE00000000";
  static final String SESSION_KEY = "ASIAIOSFODNN7SESSION";
  static final String SESSION_SECRET = "sessionSecretKey/0123456789abcdefghijklmn";
  static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN+/=";
  static final String EXPIRED_KEY = "ASIAIOSFODNN7EXPIRED";
  static final String UNKNOWN_KEY = "AKIAUNKNOWN000000000";

  static final Caller USER = new Caller(CallerType.IAM_USER, "123456789012",
      "arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLEALICE00000", USER_KEY, null);

  static final CredentialLookup LOOKUP = lookupAt(NOW);

  /** Keys as they stand at {@code now}: the session one valid for an hour, the expired one just expired. */
  static CredentialLookup lookupAt(Instant now) {
    Map<String, Credential> keys = Map.of(
        USER_KEY, new Credential(USER_SECRET, null, null, true, USER),
        INACTIVE_KEY, new Credential(USER_SECRET, null, null, false, USER),
        SESSION_KEY, new Credential(SESSION_SECRET, SESSION_TOKEN, now.plusSeconds(3600), true, USER),
        EXPIRED_KEY, new Credential(SESSION_SECRET, SESSION_TOKEN, now.minusSeconds(1), true, USER));
    return key -> Optional.ofNullable(keys.get(key));
  }

  private TestCredentials() {}
}
