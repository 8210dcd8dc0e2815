package dev.billinggate.federation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 v1 certificate (RFC 5280) for an RSA key, SHA256withRSA, common name only. The
 * JDK can parse certificates but has no public API to create one; SAML metadata needs the signing key
 * as a certificate, so the few DER structures are written here.
 */
public final class SelfSignedCertificate {
  private static final byte[] SHA256_WITH_RSA = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
      (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00};
  private static final byte[] COMMON_NAME_OID = {0x06, 0x03, 0x55, 0x04, 0x03};
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private SelfSignedCertificate() {}

  public static X509Certificate create(KeyPair keys, String commonName, BigInteger serial, Instant notBefore,
      Instant notAfter) {
    byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME_OID, der(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
    byte[] validity = der(0x30, time(notBefore), time(notAfter));
    byte[] tbs = der(0x30, der(0x02, serial.toByteArray()), SHA256_WITH_RSA, name, validity, name,
        keys.getPublic().getEncoded());
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(tbs);
      byte[] signature = rsa.sign();
      byte[] bits = new byte[signature.length + 1];
      System.arraycopy(signature, 0, bits, 1, signature.length);
      byte[] certificate = der(0x30, tbs, SHA256_WITH_RSA, der(0x03, bits));
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certificate));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the IdP certificate", e);
    }
  }

  /** GeneralizedTime: valid for every year, where UTCTime stops at 2049. */
  private static byte[] time(Instant instant) {
    return der(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] der(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] content : contents) {
      body.writeBytes(content);
    }
    int length = body.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] digits = BigInteger.valueOf(length).toByteArray();
      int start = digits[0] == 0 ? 1 : 0;
      out.write(0x80 | (digits.length - start));
      out.write(digits, start, digits.length - start);
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }
}
