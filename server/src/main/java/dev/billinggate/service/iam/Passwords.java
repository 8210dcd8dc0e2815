package dev.billinggate.service.iam;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.billinggate.core.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Password hashing for root and IAM user console passwords (bcrypt, never stored in clear). */
public final class Passwords {
  /**
   * The stored hash of a password that exists but that nobody knows: the root user of an account
   * Organizations created before root credentials management (AWS sets a random one; the owner can
   * only recover it by email). It never verifies.
   */
  public static final String UNKNOWN = "!unknown";

  private static final int MIN_COST = 4;
  private static final String GENERATED_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final int cost;
  private final Map<String, String> generatedHashes = new ConcurrentHashMap<>();

  /** @param cost bcrypt's log2 work factor; tests use the minimum (4) to stay fast */
  public Passwords(int cost) {
    this.cost = cost;
  }

  public static Passwords standard() {
    return new Passwords(10);
  }

  /**
   * A console password nobody chose (the bootstrap's when none is configured): 16 random characters
   * plus a suffix any sane password policy accepts, about 99 bits. bcrypt's work factor slows the
   * guessing of passwords people pick; this one cannot be guessed either way, so it is hashed now at
   * bcrypt's minimum cost, and the next {@link #hash} of it returns that hash. That keeps two
   * 1,024-round hashes out of every fresh start.
   */
  public String generate(IdGenerator ids) {
    String password = ids.next(GENERATED_CHARS, 16) + "-" + ids.next("23456789", 2) + "Aa";
    generatedHashes.put(password, bcrypt(MIN_COST, password));
    return password;
  }

  public String hash(String password) {
    String generated = generatedHashes.remove(password);
    return generated != null ? generated : bcrypt(cost, password);
  }

  private static String bcrypt(int cost, String password) {
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
