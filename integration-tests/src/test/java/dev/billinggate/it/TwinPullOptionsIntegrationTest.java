package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateExtension;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.twin.Twin;
import dev.billinggate.twin.TwinReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/** {@code twin pull}'s options: --redact with a kept key, --iam, failures recorded and exit 3. */
class TwinPullOptionsIntegrationTest {
  @TempDir static Path dir;
  @RegisterExtension
  static final BillingGateExtension gate = BillingGateExtension.configured(config -> config.withOrganizations(
      OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO))).restoringBeforeEach("org");
  static BillingGateHandle emulator;
  static GovernanceCli cli;
  static String member;

  @BeforeAll
  static void buildTheOrganization() {
    cli = new GovernanceCli(emulator, dir.resolve("state"));
    OrganizationFixture org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    member = org.createAccount("Finance Team", IAMUserAccessToBilling.ALLOW);
    emulator.saveSnapshot("org");
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  static Twin read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return TwinReader.read(in, file.toString());
    }
  }

  @Test
  void redactedPullsWithTheSameKeyGiveTheSamePseudonymsAndDiffClean() throws Exception {
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    Path key = dir.resolve("key");
    var pull = cli.run("twin", "pull", first.toString(), "--redact", "--redact-key-file", key.toString());
    assertThat(pull.exitCode()).as(pull.err()).isZero();
    assertThat(pull.err()).contains("new redaction key in " + key);
    assertThat(cli.run("twin", "pull", second.toString(), "--redact", "--redact-key-file", key.toString()).exitCode())
        .isZero();

    String text = Files.readString(first);
    assertThat(text).doesNotContain("example.com", "Finance Team").contains(member, "@redacted.invalid");
    Twin twin = read(first);
    assertThat(twin.header().redacted()).isTrue();
    assertThat(twin.organization().managementAccountEmail()).endsWith("@redacted.invalid");
    assertThat(read(second).accounts()).isEqualTo(twin.accounts());
    var diff = cli.run("twin", "diff", first.toString(), emulator.endpoint().toString(), "--redact",
        "--redact-key-file", key.toString());
    assertThat(diff.exitCode()).as(diff.out() + diff.err()).isZero();
  }

  @Test
  void iamReadsEachAccountsRolesThroughTheAccessRole() throws Exception {
    Path file = dir.resolve("iam.json");
    var pull = cli.run("twin", "pull", file.toString(), "--iam");
    assertThat(pull.exitCode()).as(pull.err()).isZero();
    Twin.Iam iam = read(file).accounts().stream().filter(a -> a.id().equals(member)).findFirst().orElseThrow().iam();
    assertThat(iam.error()).isNull();
    Twin.Role role = iam.roles().stream().filter(r -> r.name().equals("OrganizationAccountAccessRole")).findFirst()
        .orElseThrow();
    assertThat(role.trustPolicy()).startsWith("{").contains("sts:AssumeRole");
    assertThat(role.attachedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
  }

  @Test
  void whatCannotBeReadIsRecordedAndExitsThree() throws Exception {
    Path file = dir.resolve("partial.json");
    var pull = cli.run("twin", "pull", file.toString(), "--iam", "--role-name", "NoSuchRole");
    assertThat(pull.exitCode()).as(pull.err()).isEqualTo(3);
    Twin twin = read(file);
    assertThat(twin.failures()).extracting(Twin.Failure::kind, Twin.Failure::id).contains(
        org.assertj.core.groups.Tuple.tuple("iam", member));
    assertThat(twin.accounts()).hasSize(2);
    var diff = cli.run("twin", "diff", file.toString(), file.toString());
    assertThat(diff.exitCode()).isEqualTo(3);
  }
}
