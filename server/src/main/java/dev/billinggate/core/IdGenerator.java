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

  /**
   * A random version-4 UUID in text form, as AWS prints request ids (also the governance CLI's run
   * and plan ids).
   */
  default String uuid() {
    char[] digits = next(HEX, 32).toCharArray();
    digits[12] = '4';
    digits[16] = HEX.charAt(8 + HEX.indexOf(digits[16]) % 4);
    String hex = new String(digits);
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
        + hex.substring(16, 20) + '-' + hex.substring(20);
  }

  /**
   * Ids from the operating system's generator. Each id takes the bytes it needs in one call: the
   * generator is shared and locked per call, and the server draws a request id for every request.
   */
  static IdGenerator secure() {
    SecureRandom random = new SecureRandom();
    return (alphabet, length) -> {
      int size = alphabet.length();
      // Drawing below the largest multiple of the alphabet's size keeps every character equally likely.
      int limit = 65536 - 65536 % size;
      char[] out = new char[length];
      int filled = 0;
      while (filled < length) {
        byte[] bytes = new byte[2 * (length - filled)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length && filled < length; i += 2) {
          int value = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
          if (value < limit) {
            out[filled++] = alphabet.charAt(value % size);
          }
        }
      }
      return new String(out);
    };
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
