package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * The Root access management page: enabling centralized root access, each member's root
 * credential state, and privileged root tasks through sts:AssumeRoot, which can restore root
 * password recovery (the path to fixing a DENY member's billing switch) but never touch billing access.
 */
class RootAccessPageTest {

  @Test
  void enablesFeaturesAndRunsPrivilegedTasksOnAMember() {
    try (BillingGateHandle emulator = BillingGateHandle.start()) {
      OrganizationsClient organizations = emulator.organizations(BillingGateHandle.ADMIN);
      organizations.createOrganization(r -> r.featureSet("ALL"));
      ConsoleHttp admin = new ConsoleHttp(emulator.endpoint());
      admin.signInUser(BillingGateHandle.ACCOUNT, "admin", "admin-Passw0rd!");
      for (String feature : new String[] {"RootCredentialsManagement", "RootSessions"}) {
        admin.post("/console/iam/root-access/features", Map.of("csrf", admin.csrf("/console/iam/root-access"),
            "feature", feature));
        assertThat(admin.get("/console/iam/root-access").body()).contains("Enabled " + feature + ".");
      }

      // Created under centralized root access: the member has no root credentials at all.
      String request = organizations.createAccount(r -> r.accountName("locked").email("locked@example.com")
          .iamUserAccessToBilling("DENY")).createAccountStatus().id();
      emulator.clock().advance(Duration.ofSeconds(3));
      String member = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(request))
          .createAccountStatus().accountId();
      HttpResponse<String> page = admin.get("/console/iam/root-access");
      assertThat(page.body()).contains("RootCredentialsManagement, RootSessions", member);

      runTask(admin, member, "IAMCreateRootUserPassword");
      assertThat(admin.get("/console/iam/root-access").body())
          .contains("IAMCreateRootUserPassword on " + member + ": root password recovery allowed");
      runTask(admin, member, "IAMAuditRootUserCredentials");
      assertThat(admin.get("/console/iam/root-access").body())
          .contains("IAMAuditRootUserCredentials on " + member + ": root MFA devices: 0");
    }
  }

  private static void runTask(ConsoleHttp admin, String member, String task) {
    HttpResponse<String> ran = admin.post("/console/iam/root-access/task", Map.of("csrf",
        admin.csrf("/console/iam/root-access"), "account", member, "task", task));
    assertThat(ran.statusCode()).isEqualTo(303);
  }
}
