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
import java.net.URI;
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

  /** A browser signed in as the root user on {@code endpoint}. */
  private static ConsoleHttp signedIn(URI endpoint) {
    ConsoleHttp browser = new ConsoleHttp(endpoint);
    assertThat(browser.signInRoot("root@example.com", BillingGateHandle.ROOT_PASSWORD).statusCode()).isEqualTo(303);
    assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(200);
    return browser;
  }

  /** The same browser, its cookies presented to {@code endpoint}: still signed in. */
  private static ConsoleHttp movedTo(ConsoleHttp browser, URI endpoint) {
    ConsoleHttp moved = new ConsoleHttp(endpoint);
    moved.cookies.putAll(browser.cookies);
    HttpResponse<String> home = moved.get("/console/billing/home");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("root@example.com");
    return moved;
  }

  @Test
  void aSessionCreatedOnOneNodeIsServedByTheOtherAfterTheFirstStops() {
    PostgresTarget database = PostgresCluster.sharedOrSkip().newDatabase();
    try (BillingGate b = node(database)) {
      ConsoleHttp onA;
      try (BillingGate a = node(database)) {
        onA = signedIn(a.endpoint());
      }

      movedTo(onA, b.endpoint());
    }
  }

  @Test
  void aSessionCreatedOnANodeKilledWithSigkillIsServedByTheOther() {
    PostgresTarget database = PostgresCluster.sharedOrSkip().newDatabase();
    try (BillingGate b = node(database); NodeProcess a = NodeProcess.start(database)) {
      ConsoleHttp onA = signedIn(a.endpoint());
      String csrfFromA = onA.csrf("/console/switchrole");

      a.kill();

      ConsoleHttp onB = movedTo(onA, b.endpoint());
      // The CSRF token is the session's, so a form A rendered still posts on B.
      HttpResponse<String> out = onB.post("/console/signout", Map.of("csrf", csrfFromA));
      assertThat(out.statusCode()).isEqualTo(303);
      assertThat(onB.get("/console/billing/home").statusCode()).isEqualTo(303);
    }
  }
}
