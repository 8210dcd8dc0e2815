package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.junit5.BillingGateExtension;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ConcurrentModificationException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/**
 * Organizations answering a large share of requests with TooManyRequestsException (and of writes
 * with ConcurrentModificationException, which vend retries itself): retried calls get through; when retries run out the account stays in the output as an ERROR row and the run exits 3.
 */
class GovernanceThrottlingIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path state;
  @RegisterExtension
  static final BillingGateExtension gate = BillingGateExtension.configured(config -> config.withOrganizations(
      OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO).withFaults(0.25, 0.3)))
      .restoringBeforeEach("organization");
  static BillingGateHandle emulator;
  static GovernanceCli cli;
  static final List<String> accounts = new ArrayList<>();

  @BeforeAll
  static void buildTheOrganization() throws Exception {
    cli = new GovernanceCli(emulator, state);
    OrganizationsClient organizations = emulator.organizations(ADMIN);
    untilNotThrottled(() -> organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)));
    untilNotThrottled(() -> organizations.enableAWSServiceAccess(r -> r.servicePrincipal(OrganizationRootAccess.IAM)));
    emulator.iam(ADMIN).enableOrganizationsRootCredentialsManagement(r -> {});
    emulator.iam(ADMIN).enableOrganizationsRootSessions(r -> {});
    var vend = cli.run("vend", "--account", "A=a@example.com", "--account", "B=b@example.com",
        "--account", "C=c@example.com", "--max-attempts", "20", "--output", "json");
    assertThat(vend.exitCode()).as(vend.err() + vend.out()).isZero();
    JSON.readTree(vend.out()).forEach(v -> accounts.add(v.get("accountId").asText()));
    emulator.saveSnapshot("organization");
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  /** Set-up calls through the test's retry-free clients. */
  static <T> T untilNotThrottled(Supplier<T> call) {
    for (int i = 0; ; i++) {
      try {
        return call.get();
      } catch (TooManyRequestsException | ConcurrentModificationException e) {
        if (i > 50) {
          throw e;
        }
      }
    }
  }

  @Test
  void throttledCallsAreRetriedUntilEveryAccountIsAudited() throws Exception {
    var audit = cli.run("audit", "--max-attempts", "20", "--output", "json");
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    JsonNode rows = JSON.readTree(audit.out()).get("accounts");
    assertThat(rows.findValuesAsText("accountId")).containsExactlyInAnyOrderElementsOf(accounts);
    assertThat(rows.findValuesAsText("verdict")).containsOnly("READY");
  }

  @Test
  void accountsWhoseRetriesRunOutStayAsErrorRowsAndTheRunIsIncomplete() throws Exception {
    // Each run may also lose DescribeOrganization itself (exit 3, no rows); run until one gets past it.
    for (int run = 0; run < 40; run++) {
      var audit = cli.run("audit", "--accounts", String.join(",", accounts), "--max-attempts", "1", "--output", "json");
      assertThat(audit.exitCode()).as(audit.err()).isIn(0, 3);
      if (audit.exitCode() == 0) {
        continue; // every call of this run happened to get through
      }
      if (audit.out().isBlank()) {
        assertThat(audit.err()).contains("TooManyRequestsException");
        continue;
      }
      JsonNode rows = JSON.readTree(audit.out()).get("accounts");
      assertThat(rows.findValuesAsText("accountId")).containsExactlyInAnyOrderElementsOf(accounts);
      assertThat(audit.err()).contains("incomplete");
      for (JsonNode row : rows) {
        if (row.get("verdict").asText().equals("ERROR")) {
          assertThat(row.get("reasons").toString()).contains("TooManyRequestsException");
          return;
        }
      }
    }
    throw new AssertionError("no run got past DescribeOrganization");
  }
}
