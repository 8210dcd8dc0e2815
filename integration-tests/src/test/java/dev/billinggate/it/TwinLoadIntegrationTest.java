package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.testing.SignedHttp;
import dev.billinggate.twin.Twin;
import dev.billinggate.twin.TwinWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * {@code twin push} and the load behind {@code serve --from-twin}: a twin whose management account
 * is not the bootstrap account, bad files and non-empty emulators refused with nothing loaded.
 */
class TwinLoadIntegrationTest {
  private static final JsonMapper JSON = new JsonMapper();
  private static final String MANAGEMENT = "111111111111";
  private static final String MEMBER = "222222222222";
  private static final String ROOT = "r-ab12";
  private static final String OU = "ou-ab12-abcdefgh";
  static BillingGateHandle emulator;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator = BillingGateHandle.start();
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    emulator.close();
  }

  @BeforeEach
  void asAdmin() {
    System.setProperty("aws.accessKeyId", ADMIN.accessKeyId());
    System.setProperty("aws.secretAccessKey", ADMIN.secretAccessKey());
    emulator.server().reset();
  }

  static Twin twin(String memberEmail) {
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    Twin.RootCredentials none = Twin.RootCredentials.notAudited(Twin.RootCredentials.Audit.NOT_AUDITED, "management");
    return new Twin(new Twin.Header(at, "aws", "arn:aws:iam::111111111111:user/admin", false),
        new Twin.Organization("o-abcdefghij", "ALL", MANAGEMENT, "mgmt@example.com"),
        List.of(new Twin.Root(ROOT, "Root", List.of("SERVICE_CONTROL_POLICY"), Map.of())),
        List.of(new Twin.Ou(OU, "Workloads", ROOT, Map.of())),
        List.of(new Twin.Policy("p-FullAWSAccess", "FullAWSAccess", "Allows access to every operation",
            "SERVICE_CONTROL_POLICY", true, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}", List.of(ROOT, OU, MANAGEMENT, MEMBER), Map.of())),
        List.of(), List.of(), null, new Twin.RootAccess(List.of("RootCredentialsManagement", "RootSessions"), null),
        List.of(new Twin.Account(MANAGEMENT, "Management", "mgmt@example.com", "ACTIVE", "INVITED", at, ROOT, Map.of(),
                new Twin.Billing(Twin.BillingAccess.ON, "probe"), none, null),
            new Twin.Account(MEMBER, "Member", memberEmail, "ACTIVE", "CREATED", at, OU, Map.of("team", "a"),
                new Twin.Billing(Twin.BillingAccess.UNKNOWN, "none"), new Twin.RootCredentials(
                    Twin.RootCredentials.Audit.AUDITED, null, true, List.of(), List.of(), List.of()), null)),
        List.of());
  }

  Path file(Twin twin) throws Exception {
    Path file = dir.resolve("twin.json");
    try (OutputStream out = Files.newOutputStream(file)) {
      TwinWriter.write(twin, out, true);
    }
    return file;
  }

  static GovernanceCli.Result push(Path file, String... extra) {
    List<String> all = new ArrayList<>(List.of("twin", "push", file.toString(), "--endpoint-url",
        emulator.endpoint().toString()));
    all.addAll(List.of(extra));
    return GovernanceCli.main(all);
  }

  private static boolean anyOrganization() {
    try (OrganizationsClient organizations = emulator.organizations(ADMIN)) {
      organizations.describeOrganization();
      return true;
    } catch (AwsOrganizationsNotInUseException e) {
      return false;
    }
  }

  @Test
  void pushBuildsTheOrganizationWithItsIdsAndHandsOutTheManagementKey() throws Exception {
    var result = push(file(twin("member@example.com")), "--output", "json", "--twin-unknown-billing", "ON");
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode loaded = JSON.readTree(result.out());
    assertThat(loaded.get("organizationId").asText()).isEqualTo("o-abcdefghij");

    AwsBasicCredentials management = AwsBasicCredentials.create(loaded.get("managementRootAccessKeyId").asText(),
        loaded.get("managementRootSecretAccessKey").asText());
    try (OrganizationsClient organizations = emulator.organizations(management)) {
      assertThat(organizations.describeOrganization().organization().masterAccountEmail()).isEqualTo("mgmt@example.com");
      var member = organizations.describeAccount(r -> r.accountId(MEMBER)).account();
      assertThat(member.email()).isEqualTo("member@example.com");
      assertThat(organizations.listParents(r -> r.childId(MEMBER)).parents().get(0).id()).isEqualTo(OU);
      assertThat(organizations.listTagsForResource(r -> r.resourceId(MEMBER)).tags()).hasSize(1);
      assertThat(organizations.listTargetsForPolicy(r -> r.policyId("p-FullAWSAccess")).targets()).hasSize(4);
    }
    // UNKNOWN loaded as --twin-unknown-billing says; ON as recorded.
    SignedHttp http = new SignedHttp(emulator.endpoint());
    for (String account : List.of(MEMBER, MANAGEMENT)) {
      var reply = http.send("GET", "/_billing-gate/v1/accounts/" + account + "/iam-user-access-to-billing", Map.of(),
          "", "billing", management, java.time.Clock.systemUTC());
      assertThat(reply.body()).as(account).contains("\"ACTIVATED\"");
    }
    var again = push(file(twin("member@example.com")));
    assertThat(again.exitCode()).isEqualTo(5);
    assertThat(again.err()).contains("ConflictException", "not empty", "Nothing was imported");
  }

  /** Compact, 4,000 accounts are well over 1 MiB: the body limit of AWS API requests does not apply to this one. */
  @Test
  void aTwinOfThousandsOfAccountsIsPushedWhole() throws Exception {
    Twin small = twin("member@example.com");
    List<Twin.Account> accounts = new ArrayList<>(small.accounts());
    Twin.Account member = accounts.get(1);
    for (int i = 0; i < 4000; i++) {
      String id = String.format("3%011d", i);
      accounts.add(new Twin.Account(id, "Member " + i, "member-" + i + "@example.com", "ACTIVE", "CREATED",
          member.joinedAt(), OU, Map.of("index", Integer.toString(i)), member.billing(), member.rootCredentials(),
          null));
    }
    Twin big = new Twin(small.header(), small.organization(), small.roots(), small.organizationalUnits(),
        small.policies(), small.trustedAccess(), small.delegatedAdministrators(), small.resourcePolicy(),
        small.rootAccess(), accounts, small.failures());
    var result = push(file(big), "--output", "json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(JSON.readTree(result.out()).get("accounts").asInt()).isEqualTo(4002);
  }

  @Test
  void aTruncatedFileIsRefusedBeforeAnyRequest() throws Exception {
    Path file = file(twin("member@example.com"));
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 2));
    var result = push(file);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("twin.json: line ");
    assertThat(anyOrganization()).isFalse();
  }

  @Test
  void duplicateIdsAreRefusedNamingThePlace() throws Exception {
    Twin valid = twin("member@example.com");
    List<Twin.Ou> ous = new ArrayList<>(valid.organizationalUnits());
    ous.add(new Twin.Ou(OU, "Again", ROOT, Map.of()));
    Twin duplicated = new Twin(valid.header(), valid.organization(), valid.roots(), ous, valid.policies(),
        valid.trustedAccess(), valid.delegatedAdministrators(), valid.resourcePolicy(), valid.rootAccess(),
        valid.accounts(), valid.failures());
    var result = push(file(duplicated));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("organizationalUnits[1] (" + OU + "): duplicate id, also organizationalUnits[0]");
    assertThat(anyOrganization()).isFalse();
  }

  @Test
  void aLoadThatFailsHalfwayLeavesNothing() {
    // The member's email is the bootstrap account's: IAM refuses it after the organization's records were written.
    assertThatThrownBy(() -> emulator.server().state().importTwin(twin("root@example.com"), false))
        .hasMessageContaining("root@example.com");
    assertThat(anyOrganization()).isFalse();
    assertThat(emulator.server().iam().accounts().find(MANAGEMENT)).isEmpty();
  }

  @Test
  void aStoreWithAnOrganizationIsRefused() {
    try (OrganizationsClient organizations = emulator.organizations(ADMIN)) {
      organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    }
    assertThatThrownBy(() -> emulator.server().state().importTwin(twin("member@example.com"), false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not empty");
    assertThat(emulator.server().iam().accounts().find(MEMBER)).isEmpty();
  }
}
