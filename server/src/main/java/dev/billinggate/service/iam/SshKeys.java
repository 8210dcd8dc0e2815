package dev.billinggate.service.iam;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * SSH public keys as IAM takes them: RSA, at least 2048 bits, in the OpenSSH one-line encoding
 * ({@code ssh-rsa AAAA... comment}) or PEM; fingerprinted as the MD5 of the OpenSSH key blob.
 */
final class SshKeys {
  static final int MIN_BITS = 2048;
  private static final String RSA = "ssh-rsa";

  private SshKeys() {}

  /** The key of an upload, or an AWS error saying why not. */
  static RSAPublicKey parse(String body) {
    String text = body.strip();
    Optional<RSAPublicKey> key = text.startsWith("-----BEGIN") ? Pem.rsaPublicKey(text) : openSsh(text);
    RSAPublicKey rsa = key.orElseThrow(() -> IamError.UNRECOGNIZED_PUBLIC_KEY_ENCODING.exception(
        "The request was rejected because the public key encoding format is unsupported or unrecognized."));
    if (rsa.getModulus().bitLength() < MIN_BITS) {
      throw IamError.INVALID_PUBLIC_KEY.exception(
          "The request was rejected because the public key is malformed or otherwise invalid.");
    }
    return rsa;
  }

  /** {@code ssh-rsa <base64 blob>}, without a comment. */
  static String openSshEncoding(RSAPublicKey key) {
    return RSA + " " + Base64.getEncoder().encodeToString(blob(key));
  }

  /** The MD5 of the key blob as colon-separated hex, as {@code ssh-keygen -E md5} prints it. */
  static String fingerprint(RSAPublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(blob(key));
      return HexFormat.ofDelimiter(":").formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static Optional<RSAPublicKey> openSsh(String line) {
    String[] parts = line.split("\\s+");
    if (parts.length < 2 || !parts[0].equals(RSA)) {
      return Optional.empty();
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
      if (!RSA.equals(new String(field(in), StandardCharsets.US_ASCII))) {
        return Optional.empty();
      }
      BigInteger exponent = new BigInteger(field(in));
      BigInteger modulus = new BigInteger(field(in));
      if (in.hasRemaining() || modulus.signum() <= 0 || exponent.signum() <= 0) {
        return Optional.empty();
      }
      return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(modulus, exponent)));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] field(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("truncated key blob");
    }
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  private static byte[] blob(RSAPublicKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, RSA.getBytes(StandardCharsets.US_ASCII));
    write(out, key.getPublicExponent().toByteArray());
    write(out, key.getModulus().toByteArray());
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
  }
}
