package dev.billinggate.service.iam;

import java.io.ByteArrayOutputStream;

/** RFC 4648 base32 (no padding), the encoding of virtual MFA seeds. */
public final class Base32 {
  private Base32() {}

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  public static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.replace("=", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
