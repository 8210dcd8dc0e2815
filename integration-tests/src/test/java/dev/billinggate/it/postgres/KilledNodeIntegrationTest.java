package dev.billinggate.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.app.BillingGate;
import dev.billinggate.store.postgres.PostgresTarget;
import dev.billinggate.testing.PostgresCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * {@code kill -9} of one of two servers on one database: node A runs in a JVM of its own and is
 * killed while two of four writers are writing through it; node B (in this JVM) then has every
 * write either node acknowledged, and completes the CreateAccount A had started.
 */
class KilledNodeIntegrationTest {
  private static final int WRITES_BEFORE_KILL = 15;
  private static final int WRITES_ON_B = 40;

  @Test
  void noAcknowledgedWriteIsLostAndAStartedCreateAccountCompletesOnTheSurvivor() throws Exception {
    PostgresTarget database = PostgresCluster.sharedOrSkip().newDatabase();
    try (BillingGate b = Nodes.start(database); NodeProcess a = NodeProcess.start(database);
        OrganizationsClient orgsA = Nodes.admin(OrganizationsClient.builder(), a.endpoint(), Region.US_EAST_1);
        OrganizationsClient orgsB = Nodes.admin(OrganizationsClient.builder(), b.endpoint(), Region.US_EAST_1);
        IamClient iamA = Nodes.admin(IamClient.builder(), a.endpoint(), Region.AWS_GLOBAL);
        IamClient iamB = Nodes.admin(IamClient.builder(), b.endpoint(), Region.AWS_GLOBAL)) {
      orgsA.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
      CreateAccountStatus started = orgsA.createAccount(r -> r.email("killed@example.com").accountName("killed"))
          .createAccountStatus();

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      CountDownLatch aWroteEnough = new CountDownLatch(2);
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        boolean onA = w % 2 == 0;
        IamClient iam = onA ? iamA : iamB;
        String prefix = "w" + w + "-";
        done.add(writers.submit(() -> {
          // A's writers write until A dies (bounded); B's write a fixed number, across the kill.
          for (int i = 0; i < (onA ? 10_000 : WRITES_ON_B); i++) {
            String name = prefix + i;
            try {
              iam.createUser(r -> r.userName(name));
              acknowledged.add(name);
            } catch (SdkException unacknowledged) {
              if (onA) {
                return;
              }
            }
            if (onA && i + 1 == WRITES_BEFORE_KILL) {
              aWroteEnough.countDown();
            }
          }
        }));
      }
      assertThat(aWroteEnough.await(120, TimeUnit.SECONDS)).isTrue();
      a.kill();
      for (Future<?> f : done) {
        f.get(180, TimeUnit.SECONDS);
      }
      writers.shutdown();

      List<String> onB = iamB.listUsersPaginator().users().stream().map(User::userName).toList();
      assertThat(onB).containsAll(acknowledged);
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2 * WRITES_BEFORE_KILL + 2 * WRITES_ON_B);

      CreateAccountStatus status = awaitCompletion(orgsB, started.id());
      assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    }
  }

  private static CreateAccountStatus awaitCompletion(OrganizationsClient orgs, String requestId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    CreateAccountStatus status = orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
        .createAccountStatus();
    while (status.state() == CreateAccountState.IN_PROGRESS && Instant.now().isBefore(deadline)) {
      Thread.sleep(Nodes.CREATE_ACCOUNT_DELAY.toMillis() / 4);
      status = orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId)).createAccountStatus();
    }
    return status;
  }
}
