package dev.billinggate.idp;

import dev.billinggate.federation.SelfSignedCertificate;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The test IdP's RSA-2048 signing key and its self-signed certificate, persisted so that tokens, and
 * SAML metadata already registered in IAM, stay valid across restarts with {@code --data}.
 *
 * @param keyId the JWK {@code kid}
 * @param privateKey PKCS#8, base64
 * @param certificate X.509 DER, base64
 */
public record IdpSigningKey(String keyId, String privateKey, String certificate) {
  private static final int VALIDITY_YEARS = 10;

  static IdpSigningKey generate(String keyId, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate = SelfSignedCertificate.create(pair, "billing-gate test identity provider",
          BigInteger.valueOf(now.getEpochSecond()), now.truncatedTo(ChronoUnit.SECONDS),
          now.truncatedTo(ChronoUnit.SECONDS).plus(VALIDITY_YEARS * 365L, ChronoUnit.DAYS));
      return new IdpSigningKey(keyId, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
          Base64.getEncoder().encodeToString(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the test IdP's key", e);
    }
  }

  PrivateKey signingKey() {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored test IdP key is unreadable", e);
    }
  }

  X509Certificate x509() {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored test IdP certificate is unreadable", e);
    }
  }

  RSAPublicKey publicKey() {
    return (RSAPublicKey) x509().getPublicKey();
  }
}
