package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.IamPrincipals;
import dev.billinggate.testing.TestResources;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.KeyPairMismatchException;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesResponse;
import software.amazon.awssdk.services.iam.model.MalformedCertificateException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ServerCertificate;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateRequest;

/** Server certificates through the SDK, with AWS's recorded messages (LocalStack's test_iam_server_certificates snapshot). */
@BillingGateTest
class ServerCertificateIntegrationTest {
  private static final String BODY = TestResources.text("/it/iam/server.pem");
  private static final String KEY = TestResources.text("/it/iam/server.key");
  private static final String CHAIN = TestResources.text("/it/iam/ca.pem");

  static BillingGateHandle emulator;
  static IamClient admin;

  @BeforeAll
  static void start() {
    admin = emulator.iam(ADMIN);
  }

  private static ServerCertificateMetadata upload(String name, Consumer<UploadServerCertificateRequest.Builder> more) {
    return admin.uploadServerCertificate(r -> {
      r.serverCertificateName(name).certificateBody(BODY).privateKey(KEY);
      more.accept(r);
    }).serverCertificateMetadata();
  }

  @Test
  void uploadGetListRenameDelete() {
    ServerCertificateMetadata uploaded = upload("web", r -> r.path("/test-path/").certificateChain(CHAIN));
    assertThat(uploaded.arn()).isEqualTo("arn:aws:iam::123456789012:server-certificate/test-path/web");
    assertThat(uploaded.serverCertificateId()).startsWith("ASCA").hasSize(21);
    assertThat(uploaded.expiration()).isAfter(uploaded.uploadDate());
    ServerCertificate got = admin.getServerCertificate(r -> r.serverCertificateName("web")).serverCertificate();
    assertThat(got.certificateBody()).isEqualTo(BODY);
    assertThat(got.certificateChain()).isEqualTo(CHAIN);
    assertThat(admin.listServerCertificates(r -> r.pathPrefix("/test-path/")).serverCertificateMetadataList())
        .extracting(ServerCertificateMetadata::serverCertificateName).containsExactly("web");

    admin.updateServerCertificate(r -> r.serverCertificateName("web").newServerCertificateName("web2").newPath("/new/"));
    assertThat(admin.getServerCertificate(r -> r.serverCertificateName("web2")).serverCertificate()
        .serverCertificateMetadata().arn()).isEqualTo("arn:aws:iam::123456789012:server-certificate/new/web2");
    assertThatThrownBy(() -> admin.getServerCertificate(r -> r.serverCertificateName("web")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("The Server Certificate with name web cannot be found.");
    admin.deleteServerCertificate(r -> r.serverCertificateName("web2"));
    assertThatThrownBy(() -> admin.deleteServerCertificate(r -> r.serverCertificateName("web2")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("The Server Certificate with name web2 cannot be found.");
  }

  @Test
  void pemIsValidatedAndTheKeyMustMatch() {
    upload("dup", r -> { });
    assertThatThrownBy(() -> upload("dup", r -> { }))
        .isInstanceOf(EntityAlreadyExistsException.class)
        .hasMessageStartingWith("The Server Certificate with name dup already exists.");
    assertThatThrownBy(() -> upload("mismatch", r -> r.privateKey(TestResources.text("/it/iam/other.key"))))
        .isInstanceOf(KeyPairMismatchException.class);
    assertThatThrownBy(() -> upload("garbage", r -> r.certificateBody("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")))
        .isInstanceOf(MalformedCertificateException.class)
        .hasMessageStartingWith("Unable to parse certificate. Please ensure the certificate is in PEM format.");
    assertThatThrownBy(() -> upload("bad-chain", r -> r.certificateChain("not a chain")))
        .isInstanceOf(MalformedCertificateException.class);
    assertThatThrownBy(() -> upload("bad-key", r -> r.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")))
        .isInstanceOf(MalformedCertificateException.class);
  }

  @Test
  void listingPagesTagsAndAuthorization() {
    for (String name : new String[] {"c-3", "c-1", "c-2"}) {
      upload(name, r -> r.path("/paged/"));
    }
    ListServerCertificatesResponse first = admin.listServerCertificates(r -> r.pathPrefix("/paged/").maxItems(2));
    assertThat(first.serverCertificateMetadataList()).extracting(ServerCertificateMetadata::serverCertificateName)
        .containsExactly("c-1", "c-2");
    assertThat(admin.listServerCertificates(r -> r.pathPrefix("/paged/").marker(first.marker()))
        .serverCertificateMetadataList()).extracting(ServerCertificateMetadata::serverCertificateName)
        .containsExactly("c-3");

    admin.tagServerCertificate(r -> r.serverCertificateName("c-1").tags(Tag.builder().key("k").value("v").build()));
    assertThat(admin.listServerCertificateTags(r -> r.serverCertificateName("c-1")).tags()).extracting(Tag::key)
        .containsExactly("k");
    admin.untagServerCertificate(r -> r.serverCertificateName("c-1").tagKeys("k"));
    assertThat(admin.listServerCertificateTags(r -> r.serverCertificateName("c-1")).tags()).isEmpty();

    IamClient reader = emulator.iam(IamPrincipals.userWithPolicy(admin, "cert-reader", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetServerCertificate",
         "Resource":"arn:aws:iam::123456789012:server-certificate/paged/*"}]}"""));
    assertThat(reader.getServerCertificate(r -> r.serverCertificateName("c-2")).serverCertificate()).isNotNull();
    assertThatThrownBy(() -> reader.deleteServerCertificate(r -> r.serverCertificateName("c-2")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("iam:DeleteServerCertificate on resource: arn:aws:iam::123456789012:server-certificate/paged/c-2");
  }
}
