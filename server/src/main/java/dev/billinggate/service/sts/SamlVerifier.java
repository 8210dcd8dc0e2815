package dev.billinggate.service.sts;

import dev.billinggate.federation.SamlAssertion;
import dev.billinggate.federation.SamlMetadata;
import dev.billinggate.federation.XmlSignatures;
import dev.billinggate.core.CommonError;
import dev.billinggate.service.iam.IamArns;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;

/**
 * Verifies a SAML Response for AssumeRoleWithSAML as STS does: the SAML provider named by
 * PrincipalArn must exist in the role's account, the Response or its Assertion must be signed with a
 * certificate of the provider's metadata, the assertion must be fresh and addressed to AWS sign-in, and
 * its Role attribute must pair the role with the provider.
 */
final class SamlVerifier {
  static final String ATTRIBUTES = "https://aws.amazon.com/SAML/Attributes/";
  private static final Pattern SESSION_NAME = Pattern.compile("[a-zA-Z_0-9+=,.@-]{2,64}");
  private static final Duration REDEEM_WITHIN = Duration.ofMinutes(5);
  /** AWS sign-in's SAML endpoints: global, regional, and those of the other partitions. */
  private static final Pattern AWS_RECIPIENT = Pattern.compile(
      "https://([a-z0-9-]+\\.)?signin\\.(aws\\.amazon\\.com|amazonaws\\.cn|amazonaws-us-gov\\.com)/saml");
  private static final List<String> AWS_AUDIENCES = List.of("urn:amazon:webservices", "https://signin.aws.amazon.com/saml");

  private final IdentityProviders providers;

  SamlVerifier(IdentityProviders providers) {
    this.providers = providers;
  }

  /**
   * @param subjectType the NameID format, without AWS's stripped {@code urn:oasis:names:tc:SAML:2.0:nameid-format:}
   * @param nameQualifier base64(SHA-1(issuer + account + "/" + provider name)), AWS's stable user key
   */
  record SamlIdentity(String providerArn, String providerName, SamlAssertion assertion, String subjectType,
      String nameQualifier, String sessionName, Map<String, String> tags, List<String> transitiveTagKeys,
      String sourceIdentity) {}

  SamlIdentity verify(String encoded, String roleArn, String principalArn, Instant now) {
    String roleAccount = IamArns.account(roleArn);
    String providerAccount = IamArns.account(principalArn);
    if (providerAccount == null || !"saml-provider".equals(IamArns.resourceType(principalArn))) {
      throw CommonError.VALIDATION_ERROR.exception("%s is invalid", principalArn);
    }
    String providerName = IamArns.name(principalArn);
    IdentityProviders.SamlProvider provider = providers.saml(providerAccount, providerName)
        .filter(p -> providerAccount.equals(roleAccount))
        .orElseThrow(() -> StsError.INVALID_IDENTITY_TOKEN.exception("Specified provider doesn't exist"));
    Document document = decode(encoded);
    SamlAssertion assertion = SamlAssertion.read(document)
        .orElseThrow(() -> StsError.INVALID_IDENTITY_TOKEN.exception("Invalid SAML response"));
    List<PublicKey> keys = SamlMetadata.parse(provider.metadataDocument()).stream()
        .flatMap(m -> m.signingCertificates().stream()).map(X509Certificate::getPublicKey).toList();
    if (!assertion.signedBy(keys)) {
      throw StsError.INVALID_IDENTITY_TOKEN.exception("Response signature invalid");
    }
    checkTimes(assertion, now);
    if (!AWS_RECIPIENT.matcher(assertion.recipient()).matches()
        || assertion.audiences().stream().noneMatch(AWS_AUDIENCES::contains)) {
      throw StsError.INVALID_IDENTITY_TOKEN.exception("Invalid SAML response: it is not addressed to AWS sign-in");
    }
    boolean paired = assertion.attributes().getOrDefault(ATTRIBUTES + "Role", List.of()).stream()
        .map(value -> List.of(value.replace(" ", "").split(",")))
        .anyMatch(pair -> pair.size() == 2 && pair.contains(roleArn) && pair.contains(principalArn));
    if (!paired) {
      throw CommonError.ACCESS_DENIED.exception("Not authorized to perform sts:AssumeRoleWithSAML");
    }
    String sessionName = assertion.attribute(ATTRIBUTES + "RoleSessionName");
    if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
      throw StsError.INVALID_IDENTITY_TOKEN.exception("RoleSessionName in AuthnResponse must match %s",
          SESSION_NAME.pattern());
    }
    Map<String, String> tags = new LinkedHashMap<>();
    assertion.attributes().forEach((name, values) -> {
      if (name.startsWith(ATTRIBUTES + "PrincipalTag:") && !values.isEmpty()) {
        tags.put(name.substring((ATTRIBUTES + "PrincipalTag:").length()), values.get(0));
      }
    });
    return new SamlIdentity(principalArn, providerName, assertion, subjectType(assertion.nameIdFormat()),
        nameQualifier(assertion.issuer(), providerAccount, providerName), sessionName, tags,
        assertion.attributes().getOrDefault(ATTRIBUTES + "TransitiveTagKeys", List.of()),
        assertion.attribute(ATTRIBUTES + "SourceIdentity"));
  }

  private static Document decode(String encoded) {
    Document document;
    try {
      document = XmlSignatures.parse(Base64.getMimeDecoder().decode(encoded));
    } catch (IllegalArgumentException e) {
      document = null;
    }
    if (document == null) {
      throw StsError.INVALID_IDENTITY_TOKEN.exception("Invalid SAML response");
    }
    return document;
  }

  private static void checkTimes(SamlAssertion assertion, Instant now) {
    if (assertion.issueInstant() == null || now.isAfter(assertion.issueInstant().plus(REDEEM_WITHIN))) {
      throw StsError.EXPIRED_TOKEN.exception("Token must be redeemed within 5 minutes of issuance");
    }
    boolean expired = (assertion.notOnOrAfter() != null && !now.isBefore(assertion.notOnOrAfter()))
        || (assertion.confirmationNotOnOrAfter() != null && !now.isBefore(assertion.confirmationNotOnOrAfter()));
    if (expired || (assertion.notBefore() != null && now.isBefore(assertion.notBefore()))) {
      throw StsError.EXPIRED_TOKEN.exception("Token is not valid at this time: NotBefore/NotOnOrAfter");
    }
  }

  /** AWS drops the SAML 2.0 name-id-format prefix and reports other formats unchanged. */
  static String subjectType(String format) {
    String prefix = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
    return format.startsWith(prefix) ? format.substring(prefix.length()) : format;
  }

  static String nameQualifier(String issuer, String account, String providerName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((issuer + account + "/" + providerName).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
