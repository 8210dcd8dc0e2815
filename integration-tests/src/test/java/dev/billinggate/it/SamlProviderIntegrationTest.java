package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.IamPrincipals;
import dev.billinggate.testing.TestResources;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssertionEncryptionModeType;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** SAML providers through the SDK, with AWS's recorded messages (LocalStack's test_iam_saml_providers snapshot). */
@BillingGateTest
class SamlProviderIntegrationTest {
  private static final String METADATA = TestResources.text("/it/iam/saml-metadata.xml");
  private static final String PREFIX = "arn:aws:iam::123456789012:saml-provider/";

  static BillingGateHandle emulator;
  static IamClient admin;

  @BeforeAll
  static void start() {
    admin = emulator.iam(ADMIN);
  }

  private static String create(String name) {
    return admin.createSAMLProvider(r -> r.name(name).samlMetadataDocument(METADATA)).samlProviderArn();
  }

  @Test
  void createGetListUpdateDelete() {
    String arn = create("corporate-idp");
    assertThat(arn).isEqualTo(PREFIX + "corporate-idp");
    GetSamlProviderResponse got = admin.getSAMLProvider(r -> r.samlProviderArn(arn));
    assertThat(got.samlMetadataDocument()).isEqualTo(METADATA);
    assertThat(got.samlProviderUUID()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(got.validUntil()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
    assertThat(got.assertionEncryptionMode()).isEqualTo(AssertionEncryptionModeType.ALLOWED);
    assertThat(got.privateKeyList()).isEmpty();
    assertThat(admin.listSAMLProviders().samlProviderList()).extracting(e -> e.arn()).contains(arn);

    String noValidity = METADATA.replace(" validUntil=\"2099-01-01T00:00:00Z\"", "");
    assertThat(admin.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(noValidity))
        .samlProviderArn()).isEqualTo(arn);
    GetSamlProviderResponse updated = admin.getSAMLProvider(r -> r.samlProviderArn(arn));
    assertThat(updated.samlMetadataDocument()).isEqualTo(noValidity);
    assertThat(updated.validUntil()).isAfter(Instant.parse("2099-01-01T00:00:00Z"));

    admin.deleteSAMLProvider(r -> r.samlProviderArn(arn));
    assertThatThrownBy(() -> admin.getSAMLProvider(r -> r.samlProviderArn(arn)))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("Manifest not found for arn " + arn);
    assertThatThrownBy(() -> admin.deleteSAMLProvider(r -> r.samlProviderArn(PREFIX + "NonExistentProvider")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("Manifest not found for arn " + PREFIX + "NonExistentProvider");
  }

  @Test
  void metadataIsValidated() {
    String notXml = "x".repeat(1200);
    String noIdp = METADATA.replace("IDPSSODescriptor", "SPSSODescriptor");
    String badCertificate = METADATA.replaceFirst("<ds:X509Certificate>MII", "<ds:X509Certificate>XXX");
    String withDoctype = METADATA.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
    for (String document : new String[] {notXml, noIdp, badCertificate, withDoctype}) {
      assertThatThrownBy(() -> admin.createSAMLProvider(r -> r.name("bad").samlMetadataDocument(document)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("Could not parse metadata");
    }
    assertThatThrownBy(() -> admin.createSAMLProvider(r -> r.name("short").samlMetadataDocument("<x/>")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("sAMLMetadataDocument")
        .hasMessageContaining("Member must have length greater than or equal to 1000");
    create("twice");
    assertThatThrownBy(() -> create("twice")).isInstanceOf(EntityAlreadyExistsException.class);
  }

  @Test
  void privateKeysAndEncryptionMode() {
    String arn = create("encrypting");
    assertThatThrownBy(() -> admin.updateSAMLProvider(r -> r.samlProviderArn(arn)
        .assertionEncryptionMode(AssertionEncryptionModeType.REQUIRED)))
        .isInstanceOf(InvalidInputException.class);
    admin.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey(TestResources.text("/it/iam/other.key"))
        .assertionEncryptionMode(AssertionEncryptionModeType.REQUIRED));
    GetSamlProviderResponse got = admin.getSAMLProvider(r -> r.samlProviderArn(arn));
    assertThat(got.assertionEncryptionMode()).isEqualTo(AssertionEncryptionModeType.REQUIRED);
    assertThat(got.privateKeyList()).singleElement().satisfies(k -> assertThat(k.keyId()).isNotBlank());
    assertThatThrownBy(() -> admin.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey("not a key")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void tagsAndAuthorization() {
    String arn = admin.createSAMLProvider(r -> r.name("tagged").samlMetadataDocument(METADATA)
        .tags(Tag.builder().key("env").value("prod").build())).samlProviderArn();
    admin.tagSAMLProvider(r -> r.samlProviderArn(arn).tags(Tag.builder().key("team").value("id").build()));
    admin.untagSAMLProvider(r -> r.samlProviderArn(arn).tagKeys("team"));
    assertThat(admin.listSAMLProviderTags(r -> r.samlProviderArn(arn)).tags()).extracting(Tag::key)
        .containsExactly("env");

    IamClient reader = emulator.iam(IamPrincipals.userWithPolicy(admin, "saml-reader", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetSAMLProvider","iam:ListSAMLProviders"],
         "Resource":"*"}]}"""));
    assertThat(reader.getSAMLProvider(r -> r.samlProviderArn(arn)).samlMetadataDocument()).isEqualTo(METADATA);
    assertThatThrownBy(() -> reader.deleteSAMLProvider(r -> r.samlProviderArn(arn)))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("iam:DeleteSAMLProvider on resource: " + arn);
  }
}
