package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.it.postgres.NodeProcess;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.store.postgres.PostgresTarget;
import dev.billinggate.testing.PostgresCluster;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Console sessions live in the shared store: a signed-in user keeps the session when its node goes
 * away, whether it stops or is killed.
 */
class ConsoleSessionAcrossNodesTest {
  private static BillingGate node(PostgresTarget database) {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, null, false, BillingGateHandle.ROOT_PASSWORD,
        BillingGateHandle.ADMIN_PASSWORD, OrganizationsSettings.defaults(), BillingAccess.DefaultRule.DOCUMENTED_ALLOW)
        .withPostgres(database);
    return BillingGate.start(config, new PrintStream(OutputStream.nullOutputStream()));
  }

  @Test
  void aSessionCreatedOnOneNodeIsServedByTheOtherAfterTheFirstStops() {
    PostgresTarget database = PostgresCluster.sharedOrSkip().newDatabase();
    try (BillingGate b = node(database)) {
      BillingGate a = node(database);
      ConsoleHttp onA = new ConsoleHttp(a.endpoint());
      try {
        assertThat(onA.signInRoot("root@example.com", BillingGateHandle.ROOT_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(onA.get("/console/billing/home").statusCode()).isEqualTo(200);
      } finally {
        a.close();
      }

      ConsoleHttp onB = new ConsoleHttp(b.endpoint());
      onB.cookies.putAll(onA.cookies);
      HttpResponse<String> home = onB.get("/console/billing/home");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("root@example.com");
    }
  }

  @Test
  void aSessionCreatedOnANodeKilledWithSigkillIsServedByTheOther() {
    PostgresTarget database = PostgresCluster.sharedOrSkip().newDatabase();
    try (BillingGate b = node(database); NodeProcess a = NodeProcess.start(database)) {
      ConsoleHttp onA = new ConsoleHttp(a.endpoint());
      assertThat(onA.signInRoot("root@example.com", BillingGateHandle.ROOT_PASSWORD).statusCode()).isEqualTo(303);
      assertThat(onA.get("/console/billing/home").statusCode()).isEqualTo(200);
      String csrfFromA = onA.csrf("/console/switchrole");

      a.kill();

      ConsoleHttp onB = new ConsoleHttp(b.endpoint());
      onB.cookies.putAll(onA.cookies);
      HttpResponse<String> home = onB.get("/console/billing/home");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("root@example.com");
      // The CSRF token is the session's, so a form A rendered still posts on B.
      HttpResponse<String> out = onB.post("/console/signout", Map.of("csrf", csrfFromA));
      assertThat(out.statusCode()).isEqualTo(303);
      assertThat(onB.get("/console/billing/home").statusCode()).isEqualTo(303);
    }
  }
}
