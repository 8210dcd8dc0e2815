package dev.billinggate.service.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.billinggate.service.sts.AwsErrorAssert.assertError;

import dev.billinggate.core.IdGenerator;
import dev.billinggate.idp.SamlRequest;
import dev.billinggate.idp.TestIdentityProvider;
import dev.billinggate.service.sts.IdentityProviders.OidcProvider;
import dev.billinggate.service.sts.IdentityProviders.SamlProvider;
import dev.billinggate.service.sts.SamlVerifier.SamlIdentity;
import dev.billinggate.store.memory.InMemoryStore;
import dev.billinggate.core.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamlVerifierTest {
  private static final String ACCOUNT = "123456789012";
  private static final String ROLE = "arn:aws:iam::123456789012:role/saml-admins";
  private static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/corp-idp";

  private final MutableClock clock = new MutableClock();
  private final TestIdentityProvider idp = new TestIdentityProvider(new InMemoryStore(), clock, IdGenerator.seeded(3));
  private final TestIdentityProvider otherIdp =
      new TestIdentityProvider(new InMemoryStore(), clock, IdGenerator.seeded(4));
  private final IdentityProviders providers = new IdentityProviders() {
    @Override public Optional<OidcProvider> openIdConnect(String accountId, String issuer) { return Optional.empty(); }
    @Override public Optional<SamlProvider> saml(String accountId, String name) {
      return ACCOUNT.equals(accountId) && "corp-idp".equals(name)
          ? Optional.of(new SamlProvider(name, idp.samlMetadata("http://127.0.0.1:4566"))) : Optional.empty();
    }
  };
  private final SamlVerifier verifier = new SamlVerifier(providers);

  private static SamlRequest request(String subject, List<String> roles, String sessionName, Map<String,
      List<String>> attributes, long lifetime) {
    return new SamlRequest(subject, "persistent", roles, sessionName, null, attributes, SamlRequest.AWS_SIGN_IN,
        SamlRequest.AWS_AUDIENCE, lifetime);
  }

  private String assertion(TestIdentityProvider issuer, String subject) {
    return issuer.samlResponse(request(subject, List.of(ROLE + "," + PROVIDER), subject, Map.of(), 300));
  }


  @Test
  void aSignedResponseOfTheRegisteredIdpVerifies() {
    String response = idp.samlResponse(request("alice@example.com", List.of(PROVIDER + "," + ROLE), "alice",
        Map.of(SamlVerifier.ATTRIBUTES + "PrincipalTag:team", List.of("finance")), 300));
    SamlIdentity identity = verifier.verify(response, ROLE, PROVIDER, clock.instant());

    assertThat(identity.assertion().nameId()).isEqualTo("alice@example.com");
    assertThat(identity.subjectType()).isEqualTo("persistent");
    assertThat(identity.assertion().issuer()).isEqualTo(TestIdentityProvider.SAML_ENTITY_ID);
    assertThat(identity.assertion().recipient()).isEqualTo("https://signin.aws.amazon.com/saml");
    assertThat(identity.sessionName()).isEqualTo("alice");
    assertThat(identity.tags()).containsExactlyEntriesOf(Map.of("team", "finance"));
    assertThat(identity.nameQualifier()).isEqualTo(SamlVerifier.nameQualifier(TestIdentityProvider.SAML_ENTITY_ID,
        ACCOUNT, "corp-idp"));
  }

  @Test
  void aResponseSignedByAnotherKeyOrAlteredAfterSigningIsRejected() {
    String tampered = Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(
        assertion(idp, "alice")), StandardCharsets.UTF_8).replace(">alice<", ">mallory<").getBytes(StandardCharsets.UTF_8));
    for (String response : List.of(assertion(otherIdp, "alice"), tampered)) {
      assertError(() -> verifier.verify(response, ROLE, PROVIDER, clock.instant()), "InvalidIdentityToken", 400,
          "Response signature invalid");
    }
  }

  @Test
  void theProviderMustExistInTheRolesAccount() {
    assertError(() -> verifier.verify(assertion(idp, "alice"), ROLE, "arn:aws:iam::123456789012:saml-provider/none",
        clock.instant()), "InvalidIdentityToken", 400, "Specified provider doesn't exist");
    assertError(() -> verifier.verify(assertion(idp, "alice"), "arn:aws:iam::210987654321:role/saml-admins",
        PROVIDER, clock.instant()), "InvalidIdentityToken", 400, "Specified provider doesn't exist");
  }

  @Test
  void anAssertionOlderThanFiveMinutesMustNotBeRedeemed() {
    String response = idp.samlResponse(request("alice", List.of(ROLE + "," + PROVIDER), "alice", Map.of(), 3600));
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    assertError(() -> verifier.verify(response, ROLE, PROVIDER, clock.instant()), "ExpiredTokenException", 400,
        "Token must be redeemed within 5 minutes of issuance");
  }

  @Test
  void theRoleAttributeMustPairTheRoleWithTheProvider() {
    String response = idp.samlResponse(request("alice", List.of("arn:aws:iam::123456789012:role/other," + PROVIDER),
        "alice", Map.of(), 300));
    assertError(() -> verifier.verify(response, ROLE, PROVIDER, clock.instant()), "AccessDenied", 403,
        "Not authorized to perform sts:AssumeRoleWithSAML");
  }

  @Test
  void theRoleSessionNameAttributeIsRequiredAndChecked() {
    for (String name : new String[] {null, "a", "has space"}) {
      String response = idp.samlResponse(request("alice", List.of(ROLE + "," + PROVIDER), name, Map.of(), 300));
      assertError(() -> verifier.verify(response, ROLE, PROVIDER, clock.instant()), "InvalidIdentityToken", 400,
          "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
    }
  }

  @Test
  void garbageIsAnInvalidResponse() {
    String doctype = Base64.getEncoder().encodeToString(
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8));
    for (String response : List.of("%%%", Base64.getEncoder().encodeToString("<a/>".getBytes()), doctype)) {
      assertError(() -> verifier.verify(response, ROLE, PROVIDER, clock.instant()), "InvalidIdentityToken", 400,
          "Invalid SAML response");
    }
  }
}
