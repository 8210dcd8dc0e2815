package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.service.iam.Base32;
import dev.billinggate.service.iam.Totp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** The gate and sign-in rules at the HTTP level: boundaries, forced password change, MFA, switch role. */
@BillingGateTest(snapshot = "activated")
class ConsoleGateHttpTest {
  private static final String ACCOUNT = BillingGateHandle.ACCOUNT;
  static BillingGateHandle emulator;
  static IamClient iam;

  @BeforeAll
  static void start() {
    iam = emulator.iam(BillingGateHandle.ADMIN);
    ConsoleHttp root = new ConsoleHttp(emulator.endpoint());
    root.signInRoot("root@example.com", "root-Passw0rd!");
    HttpResponse<String> activated = root.post("/console/billing/account/iam-access",
        Map.of("activate", "on", "csrf", root.csrf("/console/billing/account/iam-access")));
    assertThat(activated.headers().firstValue("location")).hasValue("/console/billing/account?updated=1");
    emulator.saveSnapshot("activated");
  }

  private static void user(String name, String password, String... policies) {
    iam.createUser(r -> r.userName(name));
    for (String policy : policies) {
      iam.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/" + policy));
    }
    iam.createLoginProfile(r -> r.userName(name).password(password));
  }

  @Test
  void permissionsBoundaryLimitsTheBillingPagesAndNamesTheMissingAction() {
    user("bounded", "bounded-Passw0rd!", "AdministratorAccess");
    iam.putUserPermissionsBoundary(r -> r.userName("bounded")
        .permissionsBoundary("arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess"));
    ConsoleHttp browser = new ConsoleHttp(emulator.endpoint());
    browser.signInUser(ACCOUNT, "bounded", "bounded-Passw0rd!");
    assertThat(browser.get("/console/billing/bills").statusCode()).isEqualTo(200);
    HttpResponse<String> preferences = browser.get("/console/costmanagement/preferences");
    assertThat(preferences.statusCode()).isEqualTo(403);
    assertThat(preferences.body()).contains("You need permissions: ce:GetPreferences",
        "because no permissions boundary allows the ce:GetPreferences action");
  }

  @Test
  void accountPageShowsContactInformationThroughTheAccountApi() {
    AccountClient account = emulator.configure(AccountClient.builder(), BillingGateHandle.ADMIN)
        .region(Region.US_EAST_1).build();
    account.putContactInformation(r -> r.contactInformation(c -> c.fullName("Taro Billing").addressLine1("1-1 Chiyoda")
        .city("Tokyo").postalCode("100-0001").countryCode("JP").phoneNumber("+81-3-0000-0000")));
    ConsoleHttp admin = new ConsoleHttp(emulator.endpoint());
    admin.signInUser(ACCOUNT, "admin", "admin-Passw0rd!");
    assertThat(admin.get("/console/billing/account").body()).contains("Taro Billing", "1-1 Chiyoda, Tokyo");
    user("accountant", "accountant-Passw0rd!", "AWSBillingReadOnlyAccess");
    ConsoleHttp accountant = new ConsoleHttp(emulator.endpoint());
    accountant.signInUser(ACCOUNT, "accountant", "accountant-Passw0rd!");
    assertThat(accountant.get("/console/billing/account").body())
        .contains("You need permissions: account:GetContactInformation").doesNotContain("Taro Billing");
  }

  @Test
  void serviceControlPoliciesApplyToARoleSwitchedIntoAMember() {
    OrganizationsClient organizations = emulator.organizations(BillingGateHandle.ADMIN);
    organizations.createOrganization(r -> r.featureSet("ALL"));
    String root = organizations.listRoots(r -> { }).roots().get(0).id();
    organizations.enablePolicyType(r -> r.rootId(root).policyType("SERVICE_CONTROL_POLICY"));
    String request = organizations.createAccount(r -> r.accountName("workload").email("workload@example.com"))
        .createAccountStatus().id();
    emulator.clock().advance(Duration.ofSeconds(3));
    String member = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(request))
        .createAccountStatus().accountId();
    String scp = organizations.createPolicy(r -> r.name("no-cost-explorer").description("deny ce")
        .type("SERVICE_CONTROL_POLICY").content("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ce:*","Resource":"*"}]}"""))
        .policy().policySummary().id();
    organizations.attachPolicy(r -> r.policyId(scp).targetId(member));

    ConsoleHttp admin = new ConsoleHttp(emulator.endpoint());
    admin.signInUser(ACCOUNT, "admin", "admin-Passw0rd!");
    admin.post("/console/switchrole", Map.of("csrf", admin.csrf("/console/switchrole"), "account", member,
        "roleName", "OrganizationAccountAccessRole"));
    assertThat(admin.get("/console/billing/bills").statusCode()).isEqualTo(200);
    HttpResponse<String> costExplorer = admin.get("/console/costexplorer");
    assertThat(costExplorer.statusCode()).isEqualTo(403);
    assertThat(costExplorer.body()).contains("You need permissions: ce:GetCostAndUsage", "service control policy");
  }

  @Test
  void consoleFormsAreValidatedLikeTheApi() {
    ConsoleHttp admin = new ConsoleHttp(emulator.endpoint());
    admin.signInUser(ACCOUNT, "admin", "admin-Passw0rd!");
    HttpResponse<String> response = admin.post("/console/organizations/accounts", Map.of(
        "accountName", "workload", "email", "not-an-email", "csrf", admin.csrf("/console/organizations")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("does not match the required pattern");
  }

  @Test
  void deniedPageInJapaneseForAcceptLanguageJa() {
    user("nobody", "nobody-Passw0rd!");
    ConsoleHttp browser = new ConsoleHttp(emulator.endpoint());
    browser.signInUser(ACCOUNT, "nobody", "nobody-Passw0rd!");
    assertThat(browser.get("/console/billing/bills?lang=ja").body())
        .contains("このアクションを実行する権限がありません", "次の権限が必要です: billing:GetBillingData");
  }

  @Test
  void passwordResetRequiredForcesAChangeFirst() {
    iam.createUser(r -> r.userName("newcomer"));
    iam.putUserPolicy(r -> r.userName("newcomer").policyName("change-own-password").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ChangePassword",
        "Resource":"arn:aws:iam::*:user/${aws:username}"}]}"""));
    iam.createLoginProfile(r -> r.userName("newcomer").password("first-Passw0rd!").passwordResetRequired(true));
    ConsoleHttp browser = new ConsoleHttp(emulator.endpoint());
    assertThat(browser.signInUser(ACCOUNT, "newcomer", "first-Passw0rd!").headers().firstValue("location"))
        .hasValue("/console/password");
    assertThat(browser.get("/console/billing/bills").headers().firstValue("location")).hasValue("/console/password");
    HttpResponse<String> changed = browser.post("/console/password", Map.of("csrf", browser.csrf("/console/password"),
        "oldPassword", "first-Passw0rd!", "newPassword", "second-Passw0rd!", "confirmPassword", "second-Passw0rd!"));
    assertThat(changed.headers().firstValue("location")).hasValue("/console/billing/home");
    assertThat(browser.get("/console/billing/bills").statusCode()).isEqualTo(403);
    assertThat(new ConsoleHttp(emulator.endpoint()).signInUser(ACCOUNT, "newcomer", "second-Passw0rd!").statusCode())
        .isEqualTo(303);
  }

  @Test
  void mfaUserNeedsTheCurrentCode() {
    user("guarded", "guarded-Passw0rd!");
    VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("guarded")).virtualMFADevice();
    byte[] seed = Base32.decode(device.base32StringSeed().asUtf8String());
    long step = Totp.step(emulator.clock().instant());
    iam.enableMFADevice(r -> r.userName("guarded").serialNumber(device.serialNumber())
        .authenticationCode1(Totp.code(seed, step - 1)).authenticationCode2(Totp.code(seed, step)));
    ConsoleHttp browser = new ConsoleHttp(emulator.endpoint());
    assertThat(browser.signInUser(ACCOUNT, "guarded", "guarded-Passw0rd!").statusCode()).isEqualTo(200);
    HttpResponse<String> withCode = browser.signIn(Map.of("signInAs", "iam", "account", ACCOUNT, "username", "guarded",
        "password", "guarded-Passw0rd!", "mfaCode", Totp.code(seed, Totp.step(Instant.now()))));
    assertThat(withCode.statusCode()).isEqualTo(303);
  }

  @Test
  void switchRoleNeedsTheTrustPolicyAndActsAsTheRole() {
    iam.createRole(r -> r.roleName("billing-viewer").assumeRolePolicyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/admin"},
        "Action":"sts:AssumeRole"}]}""".formatted(ACCOUNT)));
    iam.attachRolePolicy(r -> r.roleName("billing-viewer")
        .policyArn("arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess"));
    user("outsider", "outsider-Passw0rd!", "AdministratorAccess");

    ConsoleHttp outsider = new ConsoleHttp(emulator.endpoint());
    outsider.signInUser(ACCOUNT, "outsider", "outsider-Passw0rd!");
    HttpResponse<String> refused = outsider.post("/console/switchrole", Map.of("csrf",
        outsider.csrf("/console/switchrole"), "account", ACCOUNT, "roleName", "billing-viewer"));
    assertThat(refused.body()).contains("is not authorized to perform: sts:AssumeRole");

    ConsoleHttp admin = new ConsoleHttp(emulator.endpoint());
    admin.signInUser(ACCOUNT, "admin", "admin-Passw0rd!");
    HttpResponse<String> switched = admin.post("/console/switchrole", Map.of("csrf", admin.csrf("/console/switchrole"),
        "account", ACCOUNT, "roleName", "billing-viewer"));
    assertThat(switched.statusCode()).isEqualTo(303);
    assertThat(admin.get("/console/billing/bills").body()).contains("billing-viewer @ " + ACCOUNT);
    assertThat(admin.get("/console/budgets").statusCode()).isEqualTo(200);
    HttpResponse<String> create = admin.post("/console/budgets", Map.of("csrf", admin.csrf("/console/budgets"),
        "name", "monthly", "limit", "100"));
    assertThat(create.body()).contains("You need permissions: budgets:ModifyBudget");
    admin.post("/console/switchrole/back", Map.of("csrf", admin.csrf("/console/budgets")));
    assertThat(admin.post("/console/budgets", Map.of("csrf", admin.csrf("/console/budgets"), "name", "monthly",
        "limit", "100")).statusCode()).isEqualTo(303);
    assertThat(admin.get("/console/budgets").body()).contains("monthly", "$100.00");
  }

  @Test
  void repeatedFailuresFromOneAddressAreThrottled() {
    try (BillingGateHandle own = BillingGateHandle.start()) {
      ConsoleHttp browser = new ConsoleHttp(own.endpoint());
      for (int i = 0; i < 10; i++) {
        browser.signInRoot("root@example.com", "wrong");
      }
      HttpResponse<String> blocked = browser.signInRoot("root@example.com", "root-Passw0rd!");
      assertThat(blocked.statusCode()).isEqualTo(429);
      assertThat(blocked.body()).contains("Too many failed sign-in attempts");
    }
  }
}
