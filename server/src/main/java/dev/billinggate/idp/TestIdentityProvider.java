package dev.billinggate.idp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.federation.Jwks;
import dev.billinggate.federation.Jwt;
import dev.billinggate.federation.SamlMetadata;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * billing-gate's built-in identity provider, for federation without a network: an OpenID Connect
 * issuer whose JWKS STS can fetch, and a SAML 2.0 IdP whose metadata IAM CreateSAMLProvider accepts.
 * Both sign with one persisted RSA key ({@link IdpSigningKey}).
 *
 * <p>The issuer and entity id are fixed names under the reserved {@code .localhost} domain (RFC 6761),
 * independent of the port, so trust policies written for them keep working: condition keys are
 * {@code oidc.billing-gate.localhost:sub}, {@code :aud}, {@code :amr}.
 */
public final class TestIdentityProvider {
  public static final String ISSUER = "https://oidc.billing-gate.localhost";
  public static final String SAML_ENTITY_ID = "https://saml.billing-gate.localhost/idp";
  static final Table<IdpSigningKey> KEYS = Table.of("idp.signing_keys", IdpSigningKey.class);
  private static final String CURRENT = "current";

  private final Store store;
  private final Clock clock;
  private final IdGenerator ids;

  public TestIdentityProvider(Store store, Clock clock, IdGenerator ids) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  public static List<Table<?>> tables() {
    return List.of(KEYS);
  }

  /** The issuer's JWKS document when {@code issuer} is this IdP's (with or without a trailing slash). */
  public Optional<String> jwks(String issuer) {
    return ISSUER.equals(issuer) || (ISSUER + "/").equals(issuer) ? Optional.of(jwksDocument()) : Optional.empty();
  }

  public String jwksDocument() {
    IdpSigningKey current = key();
    return Jwks.of(current.keyId(), current.publicKey()).toString();
  }

  /** OpenID Connect discovery: the issuer and where its keys and token endpoint are, under {@code baseUrl}. */
  public String discovery(String baseUrl) {
    ObjectNode document = Jwt.newClaims().put("issuer", ISSUER)
        .put("jwks_uri", baseUrl + "/_billing-gate/v1/idp/oidc/jwks")
        .put("token_endpoint", baseUrl + "/_billing-gate/v1/idp/oidc/token");
    document.putArray("response_types_supported").add("id_token");
    document.putArray("subject_types_supported").add("public");
    document.putArray("id_token_signing_alg_values_supported").add("RS256");
    document.putArray("claims_supported").add("sub").add("aud").add("amr").add("exp").add("iat").add("iss");
    return document.toString();
  }

  /**
   * An RS256 ID token for {@code request}: {@code iss}, {@code sub}, {@code aud}, {@code iat},
   * {@code nbf}, {@code exp} and {@code jti} are set here; the request's extra claims are added but
   * cannot override them.
   */
  public IssuedToken token(TokenRequest request) {
    Instant now = clock.instant();
    long issuedAt = now.getEpochSecond();
    ObjectNode claims = Jwt.newClaims();
    request.extraClaims().fields().forEachRemaining(e -> claims.set(e.getKey(), e.getValue()));
    claims.put("iss", ISSUER).put("sub", request.subject());
    if (request.audiences().size() == 1) {
      claims.put("aud", request.audiences().get(0));
    } else {
      request.audiences().forEach(claims.putArray("aud")::add);
    }
    claims.put("iat", issuedAt).put("nbf", issuedAt).put("exp", issuedAt + request.lifetimeSeconds())
        .put("jti", ids.next(IdGenerator.LOWER_ALNUM, 24));
    IdpSigningKey current = key();
    return new IssuedToken(Jwt.sign(claims, current.keyId(), current.signingKey()),
        issuedAt + request.lifetimeSeconds());
  }

  /** A signed, base64-encoded SAML Response as AssumeRoleWithSAML takes it. */
  public String samlResponse(SamlRequest request) {
    IdpSigningKey current = key();
    return new SamlResponseWriter(SAML_ENTITY_ID, current.signingKey(), current.x509())
        .write(request, clock.instant(), () -> "_" + ids.next(IdGenerator.LOWER_ALNUM, 32));
  }

  /** The metadata document to pass to IAM CreateSAMLProvider. */
  public String samlMetadata(String baseUrl) {
    return SamlMetadata.document(SAML_ENTITY_ID, key().x509(), baseUrl + "/_billing-gate/v1/idp/saml/sso");
  }

  /** The stored key, created on first use (a read from memory after that). */
  private IdpSigningKey key() {
    return store.read(tx -> tx.get(KEYS, CURRENT)).orElseGet(() -> store.write(tx -> tx.get(KEYS, CURRENT)
        .orElseGet(() -> {
          IdpSigningKey created = IdpSigningKey.generate(ids.next(IdGenerator.LOWER_ALNUM, 16), clock.instant());
          tx.put(KEYS, CURRENT, created);
          return created;
        })));
  }

  /**
   * @param subject the {@code sub} claim
   * @param audiences the {@code aud} claim (one value is written as a string)
   * @param extraClaims further claims, e.g. {@code amr} or a GitHub-style {@code repository}
   * @param lifetimeSeconds from {@code iat} to {@code exp}
   */
  public record TokenRequest(String subject, List<String> audiences, ObjectNode extraClaims, long lifetimeSeconds) {}

  /** @param expiresAt the token's {@code exp}, epoch seconds */
  public record IssuedToken(String token, long expiresAt) {}
}
