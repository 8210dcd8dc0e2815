package dev.billinggate.service.sts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billinggate.federation.Jwks;
import dev.billinggate.federation.Jwt;
import dev.billinggate.service.iam.IamArns;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a web identity token for AssumeRoleWithWebIdentity as STS does: the role's account must
 * have an IAM OIDC provider for the token's issuer, the signature must verify with a key the issuer
 * publishes, the token must not be expired, and its audience must be one of the provider's client ids.
 * Failures carry AWS's error codes; docs/iam-sts.md lists the texts and which are confirmed.
 */
final class WebIdentityVerifier {
  private static final String NOT_VALIDATED = "The web identity token that was passed could not be validated by"
      + " AWS. Get a new identity token from the identity provider and then retry the request.";
  /** AWS's session tags claim: {@code {"principal_tags":{"k":["v"]},"transitive_tag_keys":["k"]}}. */
  static final String TAGS_CLAIM = "https://aws.amazon.com/tags";
  static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";

  private final IdentityProviders providers;
  private final IssuerKeys issuerKeys;

  WebIdentityVerifier(IdentityProviders providers, IssuerKeys issuerKeys) {
    this.providers = providers;
    this.issuerKeys = issuerKeys;
  }

  /**
   * @param providerArn the IAM OIDC provider's ARN (the trust policy's {@code Federated} principal)
   * @param providerUrl the issuer without {@code https://}: the prefix of the condition keys
   * @param audience the client id the token was accepted for
   */
  record WebIdentity(String providerArn, String providerUrl, String issuer, String subject, String audience,
      List<String> amr, Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity) {}

  WebIdentity verify(String token, String roleAccount, Instant now) {
    Jwt jwt = Jwt.parse(token).orElseThrow(() -> StsError.INVALID_IDENTITY_TOKEN.exception(NOT_VALIDATED));
    String issuer = required(jwt, "iss");
    IdentityProviders.OidcProvider provider = providers.openIdConnect(roleAccount, issuer)
        .orElseThrow(() -> StsError.INVALID_IDENTITY_TOKEN.exception(
            "No OpenIDConnect provider found in your account for %s", issuer));
    Map<String, PublicKey> keys = issuerKeys.jwks(issuer).map(WebIdentityVerifier::keys)
        .filter(k -> !k.isEmpty())
        .orElseThrow(() -> StsError.INVALID_IDENTITY_TOKEN.exception("Couldn't retrieve verification key from"
            + " your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"));
    List<PublicKey> candidates = jwt.keyId() != null && keys.containsKey(jwt.keyId())
        ? List.of(keys.get(jwt.keyId())) : jwt.keyId() == null ? List.copyOf(keys.values()) : List.of();
    if (candidates.stream().noneMatch(jwt::verifiedBy)) {
      throw StsError.INVALID_IDENTITY_TOKEN.exception(NOT_VALIDATED);
    }
    Long expires = jwt.seconds("exp");
    if (expires == null) {
      throw missingClaim("exp");
    }
    if (now.getEpochSecond() >= expires) {
      throw StsError.EXPIRED_TOKEN.exception("Token expired: current date/time %d must be before the expiration"
          + " date/time %d", now.getEpochSecond(), expires);
    }
    List<String> audiences = jwt.texts("aud");
    if (audiences.isEmpty()) {
      throw missingClaim("aud");
    }
    // With several audiences, OIDC's authorized party names the client the token was issued to.
    String azp = jwt.text("azp");
    List<String> offered = azp != null ? List.of(azp) : audiences;
    String audience = offered.stream().filter(provider.clientIds()::contains).findFirst()
        .orElseThrow(() -> StsError.INVALID_IDENTITY_TOKEN.exception("Incorrect token audience"));
    String subject = required(jwt, "sub");
    JsonNode tagsClaim = jwt.claims().path(TAGS_CLAIM);
    return new WebIdentity(IamArns.oidcProvider(roleAccount, provider.url()), provider.url(), issuer, subject,
        audience, jwt.texts("amr"), principalTags(tagsClaim), texts(tagsClaim.path("transitive_tag_keys")),
        jwt.text(SOURCE_IDENTITY_CLAIM));
  }

  private static String required(Jwt jwt, String claim) {
    String value = jwt.text(claim);
    if (value == null) {
      throw missingClaim(claim);
    }
    return value;
  }

  private static dev.billinggate.core.AwsException missingClaim(String claim) {
    return StsError.INVALID_IDENTITY_TOKEN.exception("Missing a required claim: %s", claim);
  }

  private static Map<String, PublicKey> keys(String jwks) {
    try {
      return Jwks.rsaKeys(new com.fasterxml.jackson.databind.ObjectMapper().readTree(jwks));
    } catch (java.io.IOException e) {
      return Map.of();
    }
  }

  /** Each principal tag has one value, given as a string or a one-element array. */
  private static Map<String, String> principalTags(JsonNode tagsClaim) {
    Map<String, String> tags = new LinkedHashMap<>();
    tagsClaim.path("principal_tags").fields().forEachRemaining(e -> tags.put(e.getKey(),
        e.getValue().isArray() ? e.getValue().path(0).asText() : e.getValue().asText()));
    return tags;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
