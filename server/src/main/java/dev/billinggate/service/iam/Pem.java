package dev.billinggate.service.iam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM blocks IAM accepts: X.509 certificates, RSA or EC private keys (PKCS#8, or PKCS#1 for RSA), and
 * RSA public keys (PKCS#1 {@code RSA PUBLIC KEY}, or X.509 {@code PUBLIC KEY}).
 */
final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
  /** DER of AlgorithmIdentifier{rsaEncryption, NULL}, for wrapping a PKCS#1 key as PKCS#8. */
  private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
      (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private Pem() {}

  private record Block(String label, byte[] der) {}

  /** Every certificate of a PEM text, in order; empty when it holds none or anything unparseable. */
  static List<X509Certificate> certificates(String pem) {
    List<Block> blocks = blocks(pem);
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks) {
        if (!block.label().equals("CERTIFICATE")) {
          return List.of();
        }
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      return List.of();
    }
    return out;
  }

  /** The single private key of a PEM text, if it is one. */
  static Optional<PrivateKey> privateKey(String pem) {
    List<Block> blocks = blocks(pem);
    if (blocks.size() != 1) {
      return Optional.empty();
    }
    Block block = blocks.get(0);
    return switch (block.label()) {
      case "PRIVATE KEY" -> pkcs8(block.der(), "RSA").or(() -> pkcs8(block.der(), "EC"));
      case "RSA PRIVATE KEY" -> pkcs8(wrapPkcs1(block.der()), "RSA");
      default -> Optional.empty();
    };
  }

  /** The single RSA public key of a PEM text, if it is one. */
  static Optional<RSAPublicKey> rsaPublicKey(String pem) {
    List<Block> blocks = blocks(pem);
    if (blocks.size() != 1) {
      return Optional.empty();
    }
    Block block = blocks.get(0);
    byte[] spki = switch (block.label()) {
      case "PUBLIC KEY" -> block.der();
      case "RSA PUBLIC KEY" -> der(0x30, concat(RSA_ALGORITHM, der(0x03, concat(new byte[] {0}, block.der()))));
      default -> null;
    };
    if (spki == null) {
      return Optional.empty();
    }
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
      return Optional.of((RSAPublicKey) key);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An RSA public key as a PKCS#1 {@code RSA PUBLIC KEY} PEM block. */
  static String rsaPublicKeyPem(RSAPublicKey key) {
    byte[] der = der(0x30, concat(der(0x02, key.getModulus().toByteArray()),
        der(0x02, key.getPublicExponent().toByteArray())));
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN RSA PUBLIC KEY-----\n" + body + "\n-----END RSA PUBLIC KEY-----\n";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Optional<PrivateKey> pkcs8(byte[] der, String algorithm) {
    try {
      return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The PEM blocks of a text that holds nothing else but whitespace; empty when it does. */
  private static List<Block> blocks(String pem) {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    int end = 0;
    while (m.find()) {
      if (!pem.substring(end, m.start()).isBlank()) {
        return List.of();
      }
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).strip()
            .getBytes(StandardCharsets.US_ASCII))));
      } catch (IllegalArgumentException e) {
        return List.of();
      }
      end = m.end();
    }
    return pem.substring(end).isBlank() ? out : List.of();
  }

  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(der(0x04, pkcs1));
    return der(0x30, body.toByteArray());
  }

  /** One DER element: tag, definite length, value. */
  private static byte[] der(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
