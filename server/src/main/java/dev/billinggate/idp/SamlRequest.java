package dev.billinggate.idp;

import java.util.List;
import java.util.Map;

/**
 * What the test IdP asserts in a SAML Response.
 *
 * @param subject the NameID
 * @param subjectFormat {@code persistent}, {@code transient}, {@code emailAddress}, {@code unspecified}
 *     or a full format URN
 * @param roles values of the {@code https://aws.amazon.com/SAML/Attributes/Role} attribute:
 *     {@code <role ARN>,<SAML provider ARN>}
 * @param roleSessionName the {@code RoleSessionName} attribute, or {@code null}
 * @param sessionDuration the {@code SessionDuration} attribute in seconds, or {@code null}
 * @param attributes further attributes by name (e.g. {@code …/PrincipalTag:team})
 * @param recipient SubjectConfirmationData's Recipient (AWS sign-in's SAML endpoint by default)
 * @param audience the AudienceRestriction's Audience
 * @param lifetimeSeconds until the assertion's NotOnOrAfter
 */
public record SamlRequest(String subject, String subjectFormat, List<String> roles, String roleSessionName,
    Integer sessionDuration, Map<String, List<String>> attributes, String recipient, String audience,
    long lifetimeSeconds) {
  public static final String AWS_SIGN_IN = "https://signin.aws.amazon.com/saml";
  public static final String AWS_AUDIENCE = "urn:amazon:webservices";
  public static final String ATTRIBUTE_PREFIX = "https://aws.amazon.com/SAML/Attributes/";

  public SamlRequest {
    roles = List.copyOf(roles);
    attributes = Map.copyOf(attributes);
  }

  /** The format URN: short names are those of SAML 2.0 ({@code persistent}, {@code transient}) and 1.1. */
  String formatUrn() {
    return switch (subjectFormat) {
      case "persistent", "transient", "entity" -> "urn:oasis:names:tc:SAML:2.0:nameid-format:" + subjectFormat;
      case "emailAddress", "unspecified" -> "urn:oasis:names:tc:SAML:1.1:nameid-format:" + subjectFormat;
      default -> subjectFormat;
    };
  }
}
