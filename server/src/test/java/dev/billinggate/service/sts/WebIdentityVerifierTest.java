package dev.billinggate.service.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.billinggate.service.sts.AwsErrorAssert.assertError;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.federation.Jwt;
import dev.billinggate.idp.TestIdentityProvider;
import dev.billinggate.idp.TestIdentityProvider.TokenRequest;
import dev.billinggate.service.sts.IdentityProviders.OidcProvider;
import dev.billinggate.service.sts.WebIdentityVerifier.WebIdentity;
import dev.billinggate.store.memory.InMemoryStore;
import dev.billinggate.core.MutableClock;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebIdentityVerifierTest {
  private static final String ACCOUNT = "123456789012";
  private static final String URL = "oidc.billing-gate.localhost";

  private final MutableClock clock = new MutableClock();
  private final TestIdentityProvider idp = new TestIdentityProvider(new InMemoryStore(), clock, IdGenerator.seeded(7));
  private final Map<String, OidcProvider> registered = new java.util.HashMap<>(
      Map.of(ACCOUNT + "/" + URL, new OidcProvider(URL, List.of("sts.amazonaws.com"))));
  private final IdentityProviders providers = new IdentityProviders() {
    @Override public Optional<OidcProvider> openIdConnect(String accountId, String issuer) {
      return Optional.ofNullable(registered.get(accountId + "/" + issuer.replaceFirst("^https://", "")));
    }
    @Override public Optional<SamlProvider> saml(String accountId, String name) { return Optional.empty(); }
  };
  private final WebIdentityVerifier verifier = new WebIdentityVerifier(providers, idp::jwks);

  private String token(String subject, List<String> audiences, ObjectNode claims, long lifetime) {
    return idp.token(new TokenRequest(subject, audiences, claims, lifetime)).token();
  }

  private String token(String subject) {
    return token(subject, List.of("sts.amazonaws.com"), Jwt.newClaims(), 3600);
  }


  @Test
  void aTokenOfTheBuiltInIssuerVerifiesAgainstTheRegisteredProvider() {
    ObjectNode claims = Jwt.newClaims();
    claims.putArray("amr").add("authenticated").add("mfa");
    WebIdentity identity = verifier.verify(token("repo:acme/app:ref:refs/heads/main", List.of("sts.amazonaws.com"),
        claims, 600), ACCOUNT, clock.instant());

    assertThat(identity.providerArn()).isEqualTo("arn:aws:iam::123456789012:oidc-provider/" + URL);
    assertThat(identity.issuer()).isEqualTo(TestIdentityProvider.ISSUER);
    assertThat(identity.subject()).isEqualTo("repo:acme/app:ref:refs/heads/main");
    assertThat(identity.audience()).isEqualTo("sts.amazonaws.com");
    assertThat(identity.amr()).containsExactly("authenticated", "mfa");
  }

  @Test
  void theIssuerNeedsAnOidcProviderInTheRolesAccount() {
    assertError(() -> verifier.verify(token("alice"), "210987654321", clock.instant()), "InvalidIdentityToken", 400,
        "No OpenIDConnect provider found in your account for https://oidc.billing-gate.localhost");
  }

  @Test
  void otherIssuersCannotBeReachedOffline() throws Exception {
    registered.put(ACCOUNT + "/token.actions.githubusercontent.com",
        new OidcProvider("token.actions.githubusercontent.com", List.of("sts.amazonaws.com")));
    var keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    ObjectNode claims = Jwt.newClaims().put("iss", "https://token.actions.githubusercontent.com").put("sub", "x")
        .put("aud", "sts.amazonaws.com").put("exp", clock.instant().getEpochSecond() + 60);
    String foreign = Jwt.sign(claims, "k1", keys.getPrivate());

    assertError(() -> verifier.verify(foreign, ACCOUNT, clock.instant()), "InvalidIdentityToken", 400,
        "Couldn't retrieve verification key from your identity provider,  please reference"
            + " AssumeRoleWithWebIdentity documentation for requirements");
  }

  @Test
  void aForgedSignatureOrAlteredClaimsAreRejected() throws Exception {
    var keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    ObjectNode claims = Jwt.newClaims().put("iss", TestIdentityProvider.ISSUER).put("sub", "mallory")
        .put("aud", "sts.amazonaws.com").put("exp", clock.instant().getEpochSecond() + 60);
    String forged = Jwt.sign(claims, "whatever", keys.getPrivate());
    String genuine = token("alice");
    String[] parts = genuine.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("alice", "admin");
    String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes()) + "." + parts[2];
    String unsignedNone = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";

    String invalid = "The web identity token that was passed could not be validated by AWS. Get a new identity"
        + " token from the identity provider and then retry the request.";
    for (String token : List.of(forged, altered, unsignedNone, "not-a-jwt", "a.b.c")) {
      assertError(() -> verifier.verify(token, ACCOUNT, clock.instant()), "InvalidIdentityToken", 400, invalid);
    }
  }

  @Test
  void anExpiredTokenIsExpiredTokenExceptionWithBothTimes() {
    String token = token("alice", List.of("sts.amazonaws.com"), Jwt.newClaims(), 60);
    long expires = Jwt.parse(token).orElseThrow().seconds("exp");
    clock.advance(Duration.ofSeconds(61));
    java.time.Instant now = clock.instant();

    assertError(() -> verifier.verify(token, ACCOUNT, now), "ExpiredTokenException", 400,
        "Token expired: current date/time " + now.getEpochSecond()
            + " must be before the expiration date/time " + expires);
  }

  @Test
  void theAudienceMustBeAClientIdOfTheProvider() {
    assertError(() -> verifier.verify(token("alice", List.of("my-app"), Jwt.newClaims(), 60), ACCOUNT,
        clock.instant()), "InvalidIdentityToken", 400, "Incorrect token audience");
    WebIdentity several = verifier.verify(token("alice", List.of("other", "sts.amazonaws.com"), Jwt.newClaims(), 60),
        ACCOUNT, clock.instant());
    assertThat(several.audience()).isEqualTo("sts.amazonaws.com");
  }

  @Test
  void sessionTagsAndSourceIdentityComeFromAwsClaims() throws Exception {
    ObjectNode claims = (ObjectNode) new ObjectMapper().readTree("""
        {"https://aws.amazon.com/tags": {"principal_tags": {"team": ["platform"], "env": "ci"},
                                         "transitive_tag_keys": ["team"]},
         "https://aws.amazon.com/source_identity": "alice@example.com"}""");
    WebIdentity identity = verifier.verify(token("alice", List.of("sts.amazonaws.com"), claims, 60), ACCOUNT,
        clock.instant());

    assertThat(identity.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "platform", "env", "ci"));
    assertThat(identity.transitiveTagKeys()).containsExactly("team");
    assertThat(identity.sourceIdentity()).isEqualTo("alice@example.com");
  }
}
