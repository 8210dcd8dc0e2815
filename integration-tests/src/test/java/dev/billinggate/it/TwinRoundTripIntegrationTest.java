package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * The round trip: a rich organization (nested OUs, every policy type, delegated
 * administrators, closed accounts, accounts with and without root credentials, mixed billing access)
 * → {@code twin pull} → a second emulator built from the twin → the audits of both are the same and
 * {@code twin diff} finds nothing.
 */
class TwinRoundTripIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ServerConfigs CONFIG = new ServerConfigs();
  @TempDir static Path dir;
  @RegisterExtension
  static final BillingGateExtension gate = BillingGateExtension.configured(CONFIG::apply).restoringBeforeEach("org");
  static BillingGateHandle source;
  static GovernanceCli cli;
  static Path twinFile;
  static String invited;
  static String closed;
  static String mfa;
  static String admin;
  static String deny;

  /** Zero delays and room for the accounts, the same for the source and the twin's emulator. */
  static final class ServerConfigs {
    dev.billinggate.app.ServerConfig apply(dev.billinggate.app.ServerConfig config) {
      return config.withOrganizations(OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO)
          .withAccountQuota(20));
    }
  }

  @BeforeAll
  static void buildTheOrganization() throws Exception {
    cli = new GovernanceCli(source, dir.resolve("state"));
    OrganizationFixture org = source.organization();
    OrganizationsClient o = source.organizations();
    o.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String legacy = org.createAccount("Legacy", IAMUserAccessToBilling.ALLOW);
    org.enableCentralizedRootAccess();
    deny = org.createAccount("Deny", IAMUserAccessToBilling.DENY);
    invited = org.createAccount("Invited", IAMUserAccessToBilling.ALLOW);
    source.server().iam().memberAccounts().giveStandaloneRootCredentials(invited, "Invited-Passw0rd!");
    mfa = org.createAccount("Mfa", IAMUserAccessToBilling.DENY);
    source.server().iam().enableRootVirtualDevice(mfa);
    source.setIamUserAccessToBilling(mfa, true);
    closed = org.createAccount("Closed", IAMUserAccessToBilling.ALLOW);
    o.closeAccount(r -> r.accountId(closed));
    admin = org.createAccount("Security", IAMUserAccessToBilling.ALLOW);
    o.registerDelegatedAdministrator(r -> r.accountId(admin).servicePrincipal(OrganizationFixture.IAM_SERVICE_PRINCIPAL));

    String root = o.listRoots().roots().get(0).id();
    String workloads = o.createOrganizationalUnit(r -> r.parentId(root).name("Workloads")).organizationalUnit().id();
    String prod = o.createOrganizationalUnit(r -> r.parentId(workloads).name("Prod")
        .tags(t -> t.key("env").value("prod"))).organizationalUnit().id();
    String critical = o.createOrganizationalUnit(r -> r.parentId(prod).name("Critical")).organizationalUnit().id();
    o.moveAccount(r -> r.accountId(deny).sourceParentId(root).destinationParentId(critical));
    o.moveAccount(r -> r.accountId(invited).sourceParentId(root).destinationParentId(prod));
    o.moveAccount(r -> r.accountId(legacy).sourceParentId(root).destinationParentId(workloads));
    o.tagResource(r -> r.resourceId(invited).tags(t -> t.key("owner").value("team-a")));

    for (PolicyType type : List.of(PolicyType.SERVICE_CONTROL_POLICY, PolicyType.RESOURCE_CONTROL_POLICY,
        PolicyType.TAG_POLICY, PolicyType.BACKUP_POLICY, PolicyType.AISERVICES_OPT_OUT_POLICY,
        PolicyType.DECLARATIVE_POLICY_EC2)) {
      o.enablePolicyType(r -> r.rootId(root).policyType(type));
    }
    String scp = o.createPolicy(r -> r.name("deny-leave").description("stay").type(PolicyType.SERVICE_CONTROL_POLICY)
        .content("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}")).policy().policySummary().id();
    o.attachPolicy(r -> r.policyId(scp).targetId(workloads));
    String rcp = o.createPolicy(r -> r.name("rcp").description("").type(PolicyType.RESOURCE_CONTROL_POLICY)
        .content("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"sqs:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"))
        .policy().policySummary().id();
    o.attachPolicy(r -> r.policyId(rcp).targetId(prod));
    String tag = o.createPolicy(r -> r.name("tags").description("").type(PolicyType.TAG_POLICY)
        .content("{\"tags\":{\"env\":{\"tag_key\":{\"@@assign\":\"env\"}}}}")).policy().policySummary().id();
    o.attachPolicy(r -> r.policyId(tag).targetId(root));
    String backup = o.createPolicy(r -> r.name("backup").description("").type(PolicyType.BACKUP_POLICY)
        .content("{\"plans\":{}}")).policy().policySummary().id();
    o.attachPolicy(r -> r.policyId(backup).targetId(invited));
    String optOut = o.createPolicy(r -> r.name("ai").description("").type(PolicyType.AISERVICES_OPT_OUT_POLICY)
        .content("{\"services\":{\"default\":{\"opt_out_policy\":{\"@@assign\":\"optOut\"}}}}"))
        .policy().policySummary().id();
    o.attachPolicy(r -> r.policyId(optOut).targetId(root));
    String declarative = o.createPolicy(r -> r.name("ec2").description("").type(PolicyType.DECLARATIVE_POLICY_EC2)
        .content("{\"ec2_attributes\":{}}")).policy().policySummary().id();
    o.attachPolicy(r -> r.policyId(declarative).targetId(critical));
    o.putResourcePolicy(r -> r.content("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\","
        + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + admin + ":root\"},"
        + "\"Action\":\"organizations:Describe*\",\"Resource\":\"*\"}]}"));
    try (var memberIam = org.memberAdmin(mfa)) {
      memberIam.createRole(r -> r.roleName("Finance").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
          + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
          + BillingGateHandle.ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
      String billingRead = memberIam.createPolicy(r -> r.policyName("BillingRead").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"aws-portal:ViewBilling\","
          + "\"ce:Get*\"],\"Resource\":\"*\"}]}")).policy().arn();
      memberIam.attachRolePolicy(r -> r.roleName("Finance").policyArn(billingRead));
      memberIam.attachRolePolicy(r -> r.roleName("Finance")
          .policyArn("arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess"));
      memberIam.putRolePolicy(r -> r.roleName("Finance").policyName("NoBudgets").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"budgets:*\","
          + "\"Resource\":\"*\"}]}"));
    }
    source.saveSnapshot("org");

    twinFile = dir.resolve("org-twin.json");
    var pull = cli.run("twin", "pull", twinFile.toString(), "--probe-billing-access");
    assertThat(pull.exitCode()).as(pull.err()).isZero();
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

  /** The twin's emulator, as {@code serve --from-twin} builds it. */
  static BillingGateHandle twinEmulator() throws Exception {
    BillingGateHandle twin = BillingGateHandle.start(CONFIG.apply(BillingGateHandle.defaultConfig()));
    twin.server().state().importTwin(read(twinFile), false);
    return twin;
  }

  /** Accounts of {@code audit --output json}, without what differs between any two runs. */
  static JsonNode auditAccounts(GovernanceCli on) throws Exception {
    var audit = on.run("audit", "--output", "json", "--probe-billing-access");
    assertThat(audit.exitCode()).as(audit.err()).isIn(0, 1);
    JsonNode document = JSON.readTree(audit.out());
    ObjectNode organization = (ObjectNode) document.get("organization");
    return JSON.createObjectNode().<ObjectNode>set("organization", organization)
        .set("accounts", document.get("accounts"));
  }

  @Test
  void theTwinIsEveryPartOfTheOrganization() throws Exception {
    Twin twin = read(twinFile);
    assertThat(twin.failures()).isEmpty();
    assertThat(twin.organizationalUnits()).hasSize(3);
    assertThat(twin.accounts()).hasSize(7);
    assertThat(twin.policies()).extracting(Twin.Policy::type).contains("SERVICE_CONTROL_POLICY",
        "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY", "DECLARATIVE_POLICY_EC2");
    assertThat(twin.delegatedAdministrators()).extracting(Twin.DelegatedAdministrator::accountId).containsExactly(admin);
    assertThat(twin.resourcePolicy()).isNotNull();
    assertThat(twin.rootAccess().features()).contains("RootCredentialsManagement", "RootSessions");
    Twin.Account invitedAccount = account(twin, invited);
    assertThat(invitedAccount.rootCredentials().password()).isTrue();
    assertThat(invitedAccount.rootCredentials().accessKeys()).hasSize(1);
    assertThat(invitedAccount.tags()).containsEntry("owner", "team-a");
    assertThat(account(twin, mfa).rootCredentials().mfaDevices()).hasSize(1);
    assertThat(account(twin, mfa).billing().access()).isEqualTo(Twin.BillingAccess.ON);
    assertThat(account(twin, deny).billing().access()).isEqualTo(Twin.BillingAccess.OFF);
    assertThat(account(twin, closed).state()).isNotEqualTo("ACTIVE");
    assertThat(account(twin, closed).rootCredentials().audit()).isEqualTo(Twin.RootCredentials.Audit.NOT_AUDITED);
  }

  @Test
  void anEmulatorBuiltFromTheTwinAuditsAndDiffsTheSame() throws Exception {
    // Not closed: closing would clear the credentials the source's cli shares.
    BillingGateHandle twin = twinEmulator();
    GovernanceCli onTwin = new GovernanceCli(twin, dir.resolve("state"));
    try {
      assertThat(auditAccounts(onTwin)).isEqualTo(auditAccounts(cli));

      var diff = cli.run("twin", "diff", source.endpoint().toString(), twin.endpoint().toString(),
          "--probe-billing-access");
      assertThat(diff.exitCode()).as(diff.out() + diff.err()).isZero();
      assertThat(diff.out()).isEmpty();
    } finally {
      twin.close();
    }
  }

  @Test
  void diffNamesWhatARehearsalChanged() throws Exception {
    // Not closed: closing would clear the credentials the source's cli shares.
    BillingGateHandle twin = twinEmulator();
    GovernanceCli onTwin = new GovernanceCli(twin, dir.resolve("state"));
    try {
      var plan = onTwin.run("root", "plan", "--accounts", invited, "--out", dir.resolve("plan.json").toString(),
          "--probe-billing-access", "--output", "json");
      assertThat(plan.exitCode()).as(plan.err()).isIn(0, 1);
      var apply = onTwin.run("root", "apply", "--plan", dir.resolve("plan.json").toString(), "--yes");
      assertThat(apply.exitCode()).as(apply.err()).isZero();

      var diff = cli.run("twin", "diff", twinFile.toString(), twin.endpoint().toString(), "--probe-billing-access",
          "--output", "json");
      assertThat(diff.exitCode()).as(diff.err()).isEqualTo(1);
      JsonNode differences = JSON.readTree(diff.out()).get("differences");
      assertThat(differences).hasSize(2);
      assertThat(differences.toString()).contains(invited, "rootCredentials.password: true -> false",
          "rootCredentials.accessKeys");
    } finally {
      twin.close();
    }
  }

  @Test
  void withIamTheTwinExplainsAsTheOrganizationDoes() throws Exception {
    Path withIam = dir.resolve("org-iam.json");
    var pull = cli.run("twin", "pull", withIam.toString(), "--probe-billing-access", "--iam");
    assertThat(pull.exitCode()).as(pull.err()).isZero();
    BillingGateHandle twin = BillingGateHandle.start(CONFIG.apply(BillingGateHandle.defaultConfig()));
    GovernanceCli onTwin = new GovernanceCli(twin, dir.resolve("state"));
    try {
      assertThat(twin.server().state().importTwin(read(withIam), false).notLoaded()).isEmpty();
      String finance = "arn:aws:iam::" + mfa + ":role/Finance";
      for (String page : List.of("bills", "cost-explorer", "budgets")) {
        var real = cli.run("explain", "--principal", finance, "--page", page, "--output", "json");
        var rehearsed = onTwin.run("explain", "--principal", finance, "--page", page, "--output", "json");
        assertThat(real.exitCode()).as(real.err()).isIn(0, 1);
        assertThat(rehearsed.out()).as(page).isEqualTo(real.out());
      }
      // The loaded policies decide: the AWS managed one allows the bills, the inline one denies budgets.
      assertThat(onTwin.run("explain", "--principal", finance, "--page", "bills", "--output", "json").out())
          .contains("\"PASS\"").doesNotContain("\"FAIL\"");
      assertThat(onTwin.run("explain", "--principal", finance, "--page", "budgets", "--output", "json").out())
          .contains("role/Finance/inline/NoBudgets");
    } finally {
      twin.close();
    }
  }

  private static Twin.Account account(Twin twin, String id) {
    return twin.accounts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }
}
