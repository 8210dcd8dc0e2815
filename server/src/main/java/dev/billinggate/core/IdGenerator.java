package dev.billinggate.core;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Source of random identifiers. Injected everywhere an id is minted so tests can be deterministic
 * (see {@link #seeded(long)}).
 */
public interface IdGenerator {

  String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  String DIGITS = "0123456789";
  String HEX = "0123456789abcdef";
  String SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** {@code length} characters drawn uniformly from {@code alphabet}. */
  String next(String alphabet, int length);

  /** A random id in UUID text form, as AWS prints request ids (also the governance CLI's run and plan ids). */
  default String uuid() {
    return new UUID(Long.parseUnsignedLong(next(HEX, 15), 16), Long.parseUnsignedLong(next(HEX, 15), 16)).toString();
  }

  static IdGenerator secure() {
    SecureRandom random = new SecureRandom();
    return (alphabet, length) -> draw(random, alphabet, length);
  }

  /** Deterministic ids for tests; never use in the server. */
  static IdGenerator seeded(long seed) {
    java.util.Random random = new java.util.Random(seed);
    return (alphabet, length) -> {
      synchronized (random) {
        return draw(random, alphabet, length);
      }
    };
  }

  private static String draw(java.util.Random random, String alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(out);
  }
}
