package dev.billinggate.service.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.DeleteSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesRequest;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.UpdateSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.UploadSigningCertificateRequest;

class SigningCertificateOperationsTest {
  private static final String PEM = pem();

  private final IamFixture f = new IamFixture();

  private static String pem() {
    try (InputStream in = SigningCertificateOperationsTest.class.getResourceAsStream("/it/signing-certificate.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private SigningCertificate upload(String userName, String body) {
    return f.iam.signingCertificates().upload(UploadSigningCertificateRequest.builder().userName(userName)
        .certificateBody(body).build(), f.root()).certificate();
  }

  @Test
  void usersCertificatesAreUploadedListedDisabledAndDeleted() {
    f.createUser("alice");
    SigningCertificate uploaded = upload("alice", PEM);
    assertThat(uploaded.userName()).isEqualTo("alice");
    assertThat(uploaded.statusAsString()).isEqualTo("Active");
    assertThat(uploaded.certificateId()).hasSize(32);

    f.iam.signingCertificates().update(UpdateSigningCertificateRequest.builder().userName("alice")
        .certificateId(uploaded.certificateId()).status(StatusType.INACTIVE).build(), f.root());
    assertThat(f.iam.signingCertificates().list(ListSigningCertificatesRequest.builder().userName("alice").build(),
        f.root()).certificates()).extracting(SigningCertificate::statusAsString).containsExactly("Inactive");

    f.iam.signingCertificates().delete(DeleteSigningCertificateRequest.builder().userName("alice")
        .certificateId(uploaded.certificateId()).build(), f.root());
    Expect.error(() -> f.iam.signingCertificates().delete(DeleteSigningCertificateRequest.builder().userName("alice")
        .certificateId(uploaded.certificateId()).build(), f.root()), "NoSuchEntity",
        "The Certificate with id " + uploaded.certificateId() + " cannot be found.");
  }

  @Test
  void rootCertificatesShowInTheAccountSummaryAndTheCredentialReport() {
    SigningCertificate root = upload(null, PEM);
    assertThat(root.userName()).isNull();
    var summary = f.iam.account().getAccountSummary(GetAccountSummaryRequest.builder().build(), f.root()).summaryMap();
    assertThat(summary).containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 1);

    f.iam.credentialReports().generateCredentialReport(GenerateCredentialReportRequest.builder().build(), f.root());
    String csv = f.iam.credentialReports().getCredentialReport(GetCredentialReportRequest.builder().build(), f.root())
        .content().asUtf8String();
    String rootRow = csv.lines().filter(l -> l.startsWith("<root_account>")).findFirst().orElseThrow();
    assertThat(rootRow).endsWith(",true," + root.uploadDate() + ",false,N/A");
  }

  @Test
  void malformedAndDuplicateCertificatesAreRefused() {
    f.createUser("alice");
    f.createUser("bob");
    Expect.error(() -> upload("alice", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----"),
        "MalformedCertificate", "Unable to parse certificate. Please ensure the certificate is in PEM format.");
    upload("alice", PEM);
    Expect.error(() -> upload("bob", PEM), "DuplicateCertificate", null);
  }
}
