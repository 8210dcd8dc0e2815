package dev.billinggate.service.iam;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords as virtual MFA apps compute them: HMAC-SHA1, 30 s, 6 digits. */
public final class Totp {
  private Totp() {}

  static final int STEP_SECONDS = 30;

  public static long step(Instant time) {
    return time.getEpochSecond() / STEP_SECONDS;
  }

  public static String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /**
   * Two consecutive codes, as EnableMFADevice requires, from a window around {@code now} that
   * tolerates the clock drift AWS accepts (a few steps either way).
   */
  static boolean consecutive(byte[] secret, Instant now, String code1, String code2, int window) {
    long current = step(now);
    for (long s = current - window; s <= current + window; s++) {
      if (code(secret, s).equals(code1) && code(secret, s + 1).equals(code2)) {
        return true;
      }
    }
    return false;
  }

  /** One code, for GetSessionToken's TokenCode. */
  public static boolean matches(byte[] secret, Instant now, String code, int window) {
    long current = step(now);
    for (long s = current - window; s <= current + window; s++) {
      if (code(secret, s).equals(code)) {
        return true;
      }
    }
    return false;
  }
}
