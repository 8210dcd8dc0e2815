package dev.billinggate.service.iam;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** Password hashing for root and IAM user console passwords (bcrypt, never stored in clear). */
public final class Passwords {
  /**
   * The stored hash of a password that exists but that nobody knows: the root user of an account
   * Organizations created before root credentials management (AWS sets a random one; the owner can
   * only recover it by email). It never verifies.
   */
  public static final String UNKNOWN = "!unknown";

  private final int cost;

  /** @param cost bcrypt's log2 work factor; tests use the minimum (4) to stay fast */
  public Passwords(int cost) {
    this.cost = cost;
  }

  public static Passwords standard() {
    return new Passwords(10);
  }

  public String hash(String password) {
    // bcrypt reads at most 72 bytes; AWS allows 128-character passwords, so longer ones are hashed
    // in their first 72 bytes rather than rejected.
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    return new String(BCrypt.withDefaults().hash(cost, truncate(bytes)), StandardCharsets.UTF_8);
  }

  public boolean verify(String password, String hash) {
    if (UNKNOWN.equals(hash)) {
      return false;
    }
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    return BCrypt.verifyer().verify(truncate(bytes), hash.getBytes(StandardCharsets.UTF_8)).verified;
  }

  private static byte[] truncate(byte[] bytes) {
    return bytes.length <= 72 ? bytes : java.util.Arrays.copyOf(bytes, 72);
  }
}
