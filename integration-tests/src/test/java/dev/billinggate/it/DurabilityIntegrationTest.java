package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** {@code serve --data DIR} keeps everything across a restart. */
class DurabilityIntegrationTest {

  @Test
  void stateSurvivesARestart(@TempDir Path data) {
    AccessKey key;
    String roleArn;
    try (BillingGateHandle first = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      var iam = first.iam(ADMIN);
      iam.createUser(r -> r.userName("persistent").path("/kept/"));
      iam.attachUserPolicy(r -> r.userName("persistent").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
      key = iam.createAccessKey(r -> r.userName("persistent")).accessKey();
      roleArn = iam.createRole(r -> r.roleName("kept-role").assumeRolePolicyDocument("""
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}"""))
          .role().arn();
    }
    try (BillingGateHandle second = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      var iam = second.iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
      assertThat(iam.getUser(r -> r.userName("persistent")).user().path()).isEqualTo("/kept/");
      assertThat(iam.getRole(r -> r.roleName("kept-role")).role().arn()).isEqualTo(roleArn);
      assertThat(second.iam(ADMIN).listUsers().users()).extracting(u -> u.userName())
          .containsOnlyOnce("admin").contains("persistent");
    }
  }
}
