package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.policy.PolicyType;
import dev.billinggate.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.*;

/** Organizations state, including completed asynchronous requests, survives a restart on SQLite. */
class DurabilityTest {
  @TempDir Path dir;

  @Test
  void everythingIsReadBackAfterReopening() {
    String requestId;
    String accountId;
    String ou;
    try (SqliteStore store = SqliteStore.open(dir)) {
      OrgFixture f = new OrgFixture(store, OrganizationsSettings.defaults(), () -> 0.5);
      f.createOrganization();
      ou = f.createOu(f.rootId(), "Prod");
      f.mgmt(EnablePolicyTypeRequest.builder().rootId(f.rootId())
          .policyType(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY).build());
      CreateAccountResponse r = f.mgmt(CreateAccountRequest.builder().accountName("dev").email("dev@example.com").build());
      requestId = r.createAccountStatus().id();
      accountId = f.awaitCreate(requestId).accountId();
      f.mgmt(InviteAccountToOrganizationRequest.builder()
          .target(HandshakeParty.builder().id(f.standalone("333333333333")).type(HandshakePartyType.ACCOUNT).build())
          .build());
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      OrgFixture f = new OrgFixture(store, OrganizationsSettings.defaults(), () -> 0.5);
      f.advance(Duration.ofSeconds(5));

      DescribeCreateAccountStatusResponse status =
          f.mgmt(DescribeCreateAccountStatusRequest.builder().createAccountRequestId(requestId).build());
      assertThat(status.createAccountStatus().state()).isEqualTo(CreateAccountState.SUCCEEDED);
      assertThat(status.createAccountStatus().accountId()).isEqualTo(accountId);
      DescribeOrganizationalUnitResponse d =
          f.mgmt(DescribeOrganizationalUnitRequest.builder().organizationalUnitId(ou).build());
      assertThat(d.organizationalUnit().name()).isEqualTo("Prod");
      assertThat(f.directory.policiesByLevel(accountId, PolicyType.SERVICE_CONTROL)).hasSize(2);
      ListHandshakesForAccountResponse h = f.call("333333333333", ListHandshakesForAccountRequest.builder().build());
      assertThat(h.handshakes()).hasSize(1);
      assertThat(f.directory.membership(MGMT).orElseThrow().isManagementAccount()).isTrue();
    }
  }
}
