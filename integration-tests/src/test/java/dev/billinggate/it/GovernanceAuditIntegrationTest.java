package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.junit5.BillingGateExtension;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * {@code audit}, {@code vend} and {@code root plan/apply} end to end against the emulator, with an
 * organization that has one account of each kind the audit must tell apart.
 */
class GovernanceAuditIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path state;
  @RegisterExtension
  static final BillingGateExtension gate = BillingGateExtension.configured(config -> config.withOrganizations(
      OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO).withAccountQuota(20)))
      .restoringBeforeEach("organization");
  static BillingGateHandle emulator;
  static GovernanceCli cli;
  static OrganizationFixture org;
  static String legacy;
  static String createdDeny;
  static String invited;
  static String scpBlocked;
  static String closed;
  static String vendedAllow;
  static String vendedDeny;
  static String workloadsOu;

  @BeforeAll
  static void buildTheOrganization() throws Exception {
    cli = new GovernanceCli(emulator, state);
    org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    // Created before centralized root access: AWS gave its root user a password.
    legacy = org.createAccount("Legacy", IAMUserAccessToBilling.ALLOW);
    org.enableCentralizedRootAccess();
    createdDeny = org.createAccount("CreatedDeny", IAMUserAccessToBilling.DENY);
    invited = org.createAccount("Invited", IAMUserAccessToBilling.ALLOW);
    // As an invited account arrives: a root password and an access key of its own.
    emulator.server().iam().memberAccounts().giveStandaloneRootCredentials(invited, "Invited-Passw0rd!");
    scpBlocked = org.createAccount("ScpBlocked", IAMUserAccessToBilling.ALLOW);
    closed = org.createAccount("Closed", IAMUserAccessToBilling.ALLOW);
    emulator.organizations().closeAccount(r -> r.accountId(closed));
    String rootId = emulator.organizations().listRoots().roots().get(0).id();
    emulator.organizations().enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY));
    String denyRoot = emulator.organizations().createPolicy(r -> r.name("deny-root").description("no root")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content("""
            {"Version":"2012-10-17","Statement":[{"Sid":"NoRoot","Effect":"Deny","Action":"iam:*","Resource":"*",
             "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]}"""))
        .policy().policySummary().id();
    emulator.organizations().attachPolicy(r -> r.policyId(denyRoot).targetId(scpBlocked));
    workloadsOu = emulator.organizations().createOrganizationalUnit(r -> r.parentId(rootId).name("Workloads"))
        .organizationalUnit().id();

    var vend = cli.run("vend", "--account", "VendedAllow=vended-allow@example.com", "--ou", workloadsOu,
        "--output", "json");
    assertThat(vend.exitCode()).as(vend.err() + vend.out()).isZero();
    vendedAllow = JSON.readTree(vend.out()).get(0).get("accountId").asText();
    Path vendReport = state.resolve("vend.sarif");
    var deny = cli.run("vend", "--account", "VendedDeny=vended-deny@example.com", "--deny-billing-access",
        "--output", "json", "--report", vendReport.toString());
    assertThat(Files.readString(vendReport)).contains("billing-access-on");
    assertThat(deny.exitCode()).as(deny.err()).isEqualTo(1);
    vendedDeny = JSON.readTree(deny.out()).get(0).get("accountId").asText();
    emulator.saveSnapshot("organization");
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  static Map<String, JsonNode> audit(String... extra) throws Exception {
    String[] args = new String[extra.length + 3];
    args[0] = "audit";
    args[1] = "--output";
    args[2] = "json";
    System.arraycopy(extra, 0, args, 3, extra.length);
    var result = cli.run(args);
    assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
    Map<String, JsonNode> byAccount = new HashMap<>();
    JSON.readTree(result.out()).get("accounts").forEach(a -> byAccount.put(a.get("accountId").asText(), a));
    return byAccount;
  }

  static String check(JsonNode account, String id) {
    for (JsonNode c : account.get("checks")) {
      if (c.get("id").asText().equals(id)) {
        return c.get("status").asText();
      }
    }
    throw new AssertionError("no check " + id + " in " + account);
  }

  @Test
  void eachKindOfAccountGetsItsVerdict() throws Exception {
    Map<String, JsonNode> audit = audit();

    JsonNode allow = audit.get(vendedAllow);
    assertThat(allow.get("verdict").asText()).isEqualTo("READY");
    assertThat(allow.get("billingAccess").asText()).isEqualTo("ON");
    assertThat(allow.get("billingSource").asText()).startsWith("vending record: IamUserAccessToBilling=ALLOW");
    assertThat(allow.get("path").get(0).asText()).isEqualTo(workloadsOu);
    assertThat(check(allow, "root-credentials-absent")).isEqualTo("PASS");

    JsonNode deny = audit.get(vendedDeny);
    assertThat(deny.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(deny.get("billingAccess").asText()).isEqualTo("OFF");
    assertThat(deny.get("reasons").toString()).contains("billing-access-on");

    // Not vended by the tool: the switch is unknowable, and never passes.
    for (String id : new String[] {createdDeny, legacy}) {
      assertThat(audit.get(id).get("billingAccess").asText()).isEqualTo("UNKNOWN");
      assertThat(audit.get(id).get("verdict").asText()).isEqualTo("UNKNOWN");
      assertThat(check(audit.get(id), "billing-access-on")).isEqualTo("UNKNOWN");
    }
    assertThat(audit.get(legacy).get("credentials").get("password").asBoolean()).isTrue();
    assertThat(check(audit.get(createdDeny), "root-credentials-absent")).isEqualTo("PASS");

    JsonNode inv = audit.get(invited);
    assertThat(check(inv, "root-credentials-absent")).isEqualTo("FAIL");
    assertThat(inv.get("credentials").get("password").asBoolean()).isTrue();
    assertThat(inv.get("credentials").get("accessKeys")).hasSize(1);
    assertThat(inv.get("credentials").get("accessKeys").get(0).get("status").asText()).isEqualTo("Active");

    JsonNode blocked = audit.get(scpBlocked);
    assertThat(blocked.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(check(blocked, "root-tasks-not-blocked-by-scp")).isEqualTo("FAIL");
    assertThat(blocked.get("reasons").toString()).contains("deny-root").contains("NoRoot");

    // Closed accounts are left out unless asked for; then they say why they cannot be cleaned up.
    assertThat(audit).doesNotContainKey(closed);
    JsonNode closedAudit = audit("--states", "ACTIVE,SUSPENDED,PENDING_CLOSURE,CLOSED").get(closed);
    assertThat(closedAudit.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(check(closedAudit, "root-credentials-absent")).isEqualTo("NOT_APPLICABLE");
  }

  @Test
  void findingsExitOneAndSelectorsNarrowTheRun() throws Exception {
    var all = cli.run("audit");
    assertThat(all.exitCode()).as(all.err()).isEqualTo(1);
    assertThat(all.out()).contains("VERDICT").contains(invited).contains("READY");

    var ready = cli.run("audit", "--ous", workloadsOu, "--output", "csv");
    assertThat(ready.exitCode()).as(ready.err()).isZero();
    assertThat(ready.out().lines().skip(1)).allMatch(l -> l.contains(vendedAllow));

    var excluded = audit("--exclude", invited + "," + legacy);
    assertThat(excluded).doesNotContainKeys(invited, legacy).containsKey(vendedAllow);

    // createdDeny has no vending record: billing access UNKNOWN and nothing else wrong. Unproven is not
    // compliant, by default too, and the run says why it exits 1.
    var unknownFails = cli.run("audit", "--accounts", createdDeny);
    assertThat(unknownFails.exitCode()).as(unknownFails.err()).isEqualTo(1);
    assertThat(unknownFails.out()).contains("1 account: 1 unknown");
    assertThat(unknownFails.err()).contains("1 account has a check UNKNOWN").contains("never counts as compliant");
    assertThat(cli.run("audit", "--accounts", createdDeny, "--fail-on", "fail").exitCode()).isZero();
    var ignoreAll = cli.run("audit", "--fail-on", "none");
    assertThat(ignoreAll.exitCode()).isZero();
  }

  @Test
  void reportsInEveryFormat() throws Exception {
    for (String ext : new String[] {"json", "csv", "sarif", "html"}) {
      Path report = state.resolve("report." + ext);
      var result = cli.run("audit", "--report", report.toString());
      assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
      assertThat(report).exists();
    }
    JsonNode json = JSON.readTree(state.resolve("report.json").toFile());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("runId").asText()).isNotBlank();
    assertThat(json.get("organization").get("caller").asText()).endsWith(":user/admin");
    JsonNode sarif = JSON.readTree(state.resolve("report.sarif").toFile());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("runs").get(0).get("results").toString()).contains(invited);
    String html = Files.readString(state.resolve("report.html"));
    assertThat(html).contains("<svg").contains(vendedAllow).doesNotContain("<script src");
    assertThat(Files.readString(state.resolve("report.csv"))).startsWith("runId,accountId");
  }

  @Test
  void anOuWithoutAnAllowForTheRootTasksBlocks() throws Exception {
    String rootId = emulator.organizations().listRoots().roots().get(0).id();
    String narrowOu = emulator.organizations().createOrganizationalUnit(r -> r.parentId(rootId).name("Narrow"))
        .organizationalUnit().id();
    String ec2Only = emulator.organizations().createPolicy(r -> r.name("ec2-only").description("narrow allow")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content("""
            {"Version":"2012-10-17","Statement":[{"Sid":"Ec2","Effect":"Allow","Action":"ec2:*","Resource":"*"}]}"""))
        .policy().policySummary().id();
    emulator.organizations().attachPolicy(r -> r.policyId(ec2Only).targetId(narrowOu));
    emulator.organizations().detachPolicy(r -> r.policyId("p-FullAWSAccess").targetId(narrowOu));
    String narrow = org.createAccount("Narrow", IAMUserAccessToBilling.ALLOW);
    emulator.organizations().moveAccount(r -> r.accountId(narrow).sourceParentId(rootId).destinationParentId(narrowOu));

    JsonNode audit = audit("--accounts", narrow).get(narrow);
    assertThat(audit.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(check(audit, "root-tasks-not-blocked-by-scp")).isEqualTo("FAIL");
    assertThat(check(audit, "billing-pages-not-blocked-by-scp")).isEqualTo("FAIL");
    assertThat(check(audit, "root-credentials-absent")).isEqualTo("UNKNOWN");
    assertThat(audit.get("reasons").toString()).contains("no SCP at " + narrowOu + " allows [iam:GetLoginProfile");
  }

  private static String user(String account, String name, String policyArn) {
    IamClient admin = org.memberAdmin(account);
    String arn = admin.createUser(r -> r.userName(name)).user().arn();
    if (policyArn != null) {
      admin.attachUserPolicy(r -> r.userName(name).policyArn(policyArn));
    }
    return arn;
  }

  @Test
  void explainNamesTheDecidingStatementOrSwitch() throws Exception {
    String readOnly = "arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess";
    var allowed = cli.run("explain", "--principal", user(vendedAllow, "reader", readOnly), "--page", "bills");
    assertThat(allowed.exitCode()).as(allowed.err() + allowed.out()).isZero();
    assertThat(allowed.out()).contains("ALLOWED").contains("AWSBillingReadOnlyAccess").contains("switch ON");

    // --output text: one line per action, whatever the table's width would wrap.
    var nobody = cli.run("explain", "--principal", user(vendedAllow, "nobody", null), "--page", "cost-explorer",
        "-o", "text");
    assertThat(nobody.exitCode()).isEqualTo(1);
    assertThat(nobody.out()).contains("implicit deny").contains("ce:GetCostAndUsage");

    var off = cli.run("explain", "--principal", user(vendedDeny, "reader", readOnly), "--page", "bills", "-o", "text");
    assertThat(off.exitCode()).isEqualTo(1);
    assertThat(off.out()).contains("switch is OFF");

    String noCe = emulator.organizations().createPolicy(r -> r.name("no-cost-explorer").description("test")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content("""
            {"Version":"2012-10-17","Statement":[{"Sid":"NoCe","Effect":"Deny","Action":"ce:*","Resource":"*"}]}"""))
        .policy().policySummary().id();
    emulator.organizations().attachPolicy(r -> r.policyId(noCe).targetId(scpBlocked));
    var scp = cli.run("explain", "--principal", user(scpBlocked, "reader", readOnly),
        "--action", "ce:GetCostAndUsage", "--action", "billing:GetBillingData", "--output", "json");
    assertThat(scp.exitCode()).isEqualTo(1);
    JsonNode steps = JSON.readTree(scp.out()).get("steps");
    assertThat(steps.get(0).get("decidedBy").asText()).contains("no-cost-explorer").contains("NoCe");
    assertThat(steps.get(1).get("status").asText()).isEqualTo("PASS");
    assertThat(check(audit().get(scpBlocked), "billing-pages-not-blocked-by-scp")).isEqualTo("FAIL");
  }

  @Test
  void theEmulatorsOwnApiGivesTheRealSwitch() throws Exception {
    assertThat(audit().get(createdDeny).get("billingAccess").asText()).isEqualTo("UNKNOWN");

    Map<String, JsonNode> probed = audit("--probe-billing-access");
    assertThat(probed.get(createdDeny).get("billingAccess").asText()).isEqualTo("OFF");
    assertThat(probed.get(createdDeny).get("billingSource").asText())
        .isEqualTo("billing-gate emulator state (DEACTIVATED)");
    assertThat(check(probed.get(createdDeny), "billing-access-on")).isEqualTo("FAIL");
    assertThat(probed.get(createdDeny).get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(probed.get(invited).get("billingAccess").asText()).isEqualTo("ON");
    assertThat(probed.get(vendedAllow).get("billingSource").asText()).startsWith("billing-gate emulator state");

    // explain reads it whenever the endpoint is billing-gate: the switch, not the policy, decides.
    String principal = user(createdDeny, "probed-reader", "arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess");
    var explain = cli.run("explain", "--principal", principal, "--page", "bills", "--output", "json");
    assertThat(explain.exitCode()).isEqualTo(1);
    JsonNode explanation = JSON.readTree(explain.out());
    assertThat(explanation.get("billingSource").asText()).isEqualTo("billing-gate emulator state (DEACTIVATED)");
    assertThat(explanation.get("steps").get(0).get("decidedBy").asText()).contains("switch is OFF");
  }

  @Test
  void probingNeedsAnEmulatorEndpoint() {
    var result = cli.runWithoutEndpoint("audit", "--probe-billing-access");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--probe-billing-access reads billing-gate's own API");
  }

  @Test
  void badCredentialsExitFour() {
    var noProfile = cli.run("audit", "--profile", "billing-gate-no-such-profile");
    assertThat(noProfile.exitCode()).isEqualTo(4);
    assertThat(noProfile.err()).startsWith("audit: no AWS credentials for profile billing-gate-no-such-profile");
    // Nothing listens on port 9: the URL is named, after exactly the attempts asked for.
    var unreachable = cli.runWithoutEndpoint("audit", "--endpoint-url", "http://127.0.0.1:9", "--max-attempts", "2");
    assertThat(unreachable.exitCode()).isEqualTo(4);
    assertThat(unreachable.err()).isEqualTo("audit: Could not connect to the endpoint URL: \"http://127.0.0.1:9/\""
        + " (after 2 attempts; see --max-attempts)" + System.lineSeparator());
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7NOTREAL");
    try {
      Path report = state.resolve("never.json");
      var result = cli.run("audit", "--report", report.toString());
      assertThat(result.exitCode()).isEqualTo(4);
      // A run that stopped leaves neither a report nor a half-written one behind.
      assertThat(report).doesNotExist();
      assertThat(state.resolve("never.json.partial")).doesNotExist();
      assertThat(result.err()).contains("UnrecognizedClientException");
    } finally {
      System.setProperty("aws.accessKeyId", ADMIN.accessKeyId());
    }
    // A known key id with the wrong secret: the signature does not match, the same class of failure.
    System.setProperty("aws.secretAccessKey", "wrong" + ADMIN.secretAccessKey().substring(5));
    try {
      var result = cli.run("audit");
      assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
      assertThat(result.err()).contains("InvalidSignatureException");
    } finally {
      System.setProperty("aws.secretAccessKey", ADMIN.secretAccessKey());
    }
  }

  @Test
  void queryFiltersTheStreamedAuditAndLeavesTheReportWhole() throws Exception {
    var ready = cli.run("audit", "--output", "text", "--query", "accounts[?verdict=='READY'].accountId");
    assertThat(ready.exitCode()).as(ready.err()).isIn(0, 1);
    assertThat(ready.out().trim().split("\t")).contains(vendedAllow).doesNotContain(invited, scpBlocked);

    var counts = cli.run("audit", "--output", "json", "--query", "summary.verdicts.READY");
    assertThat(counts.out().trim()).isEqualTo(String.valueOf(ready.out().trim().split("\t").length));

    Path report = state.resolve("queried.json");
    var failing = cli.run("audit", "--query", "length(schemaVersion)", "--report", report.toString());
    assertThat(failing.exitCode()).isEqualTo(2);
    assertThat(JSON.readTree(report.toFile()).get("accounts").size()).isGreaterThan(3);

    var malformed = cli.run("audit", "--query", "accounts[?verdict==");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).startsWith("audit: --query:");
  }

  @Test
  void aBadReportExtensionIsAUsageError() {
    assertThat(cli.run("audit", "--report", state.resolve("r.txt").toString()).exitCode()).isEqualTo(2);
    var explain = cli.run("explain", "--principal", "arn:aws:iam::" + vendedAllow + ":user/x", "--page", "bills",
        "--report", state.resolve("r.json").toString());
    assertThat(explain.exitCode()).isEqualTo(2);
    // explain has no --report: help does not list it, and giving it is an unknown option.
    assertThat(explain.err()).startsWith("billing-gate explain: error: Unknown options: '--report'");
  }

  @Test
  void theEndpointMayComeFromTheSdksOwnConfiguration() {
    var result = cli.runWithEndpointFromEnvironment("audit", "--accounts", vendedAllow, "--output", "text");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith(vendedAllow + "\tVendedAllow\tACTIVE\tREADY");
  }

  @Test
  void tagsSelectAccounts() throws Exception {
    emulator.organizations().tagResource(r -> r.resourceId(createdDeny).tags(t -> t.key("team").value("finance")));
    assertThat(audit("--tags", "team=finance").keySet()).containsExactly(createdDeny);
    assertThat(audit("--tags", "team=finance,env=prod")).isEmpty();
  }

  @Test
  void rootPlanWritesTheAuditItWasMadeFrom() throws Exception {
    Path report = state.resolve("plan-audit.json");
    var plan = cli.run("root", "plan", "--accounts", invited, "--report", report.toString());
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(1);
    assertThat(JSON.readTree(report.toFile()).get("accounts").get(0).get("accountId").asText()).isEqualTo(invited);
  }
}
