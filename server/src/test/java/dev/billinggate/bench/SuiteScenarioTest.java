package dev.billinggate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The benchmark's test is a real one: on billing-gate the attached SCP denies the member's call. */
class SuiteScenarioTest {
  @Test
  void theScpDeniesTheMembersCall() {
    ServerConfig config = ServerConfig.inMemory(0)
        .withOrganizations(OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO));
    try (BillingGate gate = BillingGate.start(config, new PrintStream(OutputStream.nullOutputStream()));
        SdkHttpClient http = UrlConnectionHttpClient.create()) {
      assertThat(new SuiteScenario(gate.endpoint(), SuiteBenchmark.ADMIN, http).run())
          .isEqualTo(SuiteScenario.Outcome.DENIED);
    }
  }
}
