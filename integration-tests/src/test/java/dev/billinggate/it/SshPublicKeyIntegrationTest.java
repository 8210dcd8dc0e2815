package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.DuplicateSshPublicKeyException;
import software.amazon.awssdk.services.iam.model.EncodingType;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SSHPublicKey;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UnrecognizedPublicKeyEncodingException;

/** SSH public keys through the SDK, with AWS's recorded messages (LocalStack's test_iam_ssh_public_keys snapshot). */
@BillingGateTest
class SshPublicKeyIntegrationTest {
  private static final String OPENSSH = TestResources.text("/it/iam/ssh-rsa.pub").strip();
  private static final String PEM = TestResources.text("/it/iam/ssh-rsa.pem");
  /** What {@code ssh-keygen -l -E md5} printed for the fixture key. */
  private static final String FINGERPRINT = "d3:41:fa:7c:ba:0b:8a:01:03:ba:fb:81:33:41:93:59";

  static BillingGateHandle emulator;
  static IamClient admin;

  @BeforeAll
  static void start() {
    admin = emulator.iam(ADMIN);
  }

  @Test
  void uploadGetListUpdateDelete() {
    admin.createUser(r -> r.userName("git-user"));
    SSHPublicKey uploaded = admin.uploadSSHPublicKey(r -> r.userName("git-user").sshPublicKeyBody(OPENSSH)).sshPublicKey();
    assertThat(uploaded.sshPublicKeyId()).startsWith("APKA").hasSize(21);
    assertThat(uploaded.fingerprint()).isEqualTo(FINGERPRINT);
    assertThat(uploaded.status()).isEqualTo(StatusType.ACTIVE);
    String id = uploaded.sshPublicKeyId();

    assertThat(admin.getSSHPublicKey(r -> r.userName("git-user").sshPublicKeyId(id).encoding(EncodingType.SSH))
        .sshPublicKey().sshPublicKeyBody()).isEqualTo(OPENSSH);
    assertThat(admin.getSSHPublicKey(r -> r.userName("git-user").sshPublicKeyId(id).encoding(EncodingType.PEM))
        .sshPublicKey().sshPublicKeyBody()).isEqualTo(PEM);
    assertThat(admin.listSSHPublicKeys(r -> r.userName("git-user")).sshPublicKeys())
        .singleElement().satisfies(k -> assertThat(k.sshPublicKeyId()).isEqualTo(id));

    admin.updateSSHPublicKey(r -> r.userName("git-user").sshPublicKeyId(id).status(StatusType.INACTIVE));
    assertThat(admin.getSSHPublicKey(r -> r.userName("git-user").sshPublicKeyId(id).encoding(EncodingType.SSH))
        .sshPublicKey().status()).isEqualTo(StatusType.INACTIVE);
    assertThatThrownBy(() -> admin.deleteUser(r -> r.userName("git-user")))
        .isInstanceOf(DeleteConflictException.class);
    admin.deleteSSHPublicKey(r -> r.userName("git-user").sshPublicKeyId(id));
    assertThat(admin.listSSHPublicKeys(r -> r.userName("git-user")).sshPublicKeys()).isEmpty();
    String missing = "APKAXXXXXXXXXXXXXXXXX";
    assertThatThrownBy(() -> admin.deleteSSHPublicKey(r -> r.userName("git-user").sshPublicKeyId(missing)))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("The Public Key with id APKAXXXXXXXXXXXXXXXXX cannot be found.");
    assertThatThrownBy(() -> admin.getSSHPublicKey(r -> r.userName("git-user").sshPublicKeyId(missing)
        .encoding(EncodingType.SSH)))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("The Public Key with id APKAXXXXXXXXXXXXXXXXX cannot be found.");
    admin.deleteUser(r -> r.userName("git-user"));
  }

  @Test
  void pemUploadsAreTheSameKeyAndBadKeysAreRefused() {
    admin.createUser(r -> r.userName("pem-user"));
    SSHPublicKey fromPem = admin.uploadSSHPublicKey(r -> r.userName("pem-user").sshPublicKeyBody(PEM)).sshPublicKey();
    assertThat(fromPem.fingerprint()).isEqualTo(FINGERPRINT);
    assertThatThrownBy(() -> admin.uploadSSHPublicKey(r -> r.userName("pem-user").sshPublicKeyBody(OPENSSH)))
        .isInstanceOf(DuplicateSshPublicKeyException.class);
    assertThatThrownBy(() -> admin.uploadSSHPublicKey(r -> r.userName("pem-user")
        .sshPublicKeyBody("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk0bGx0aGlzaXNub3RhcmVhbGtleWF0YWxsMDA=")))
        .isInstanceOf(UnrecognizedPublicKeyEncodingException.class);
    assertThatThrownBy(() -> admin.uploadSSHPublicKey(r -> r.userName("pem-user").sshPublicKeyBody("ssh-rsa !!!")))
        .isInstanceOf(UnrecognizedPublicKeyEncodingException.class);
    admin.updateUser(r -> r.userName("pem-user").newUserName("pem-renamed"));
    assertThat(admin.listSSHPublicKeys(r -> r.userName("pem-renamed")).sshPublicKeys())
        .singleElement().satisfies(k -> assertThat(k.userName()).isEqualTo("pem-renamed"));
    assertThatThrownBy(() -> admin.uploadSSHPublicKey(r -> r.userName("nobody").sshPublicKeyBody(OPENSSH)))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("The user with name nobody cannot be found.");
  }
}
