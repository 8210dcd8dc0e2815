package dev.billinggate.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.app.BillingGate;
import dev.billinggate.store.postgres.PostgresSettings;
import dev.billinggate.store.postgres.PostgresTarget;
import dev.billinggate.testing.PostgresCluster;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.sts.StsClient;

/** Two servers on one PostgreSQL database answer as one: through real SDK clients. */
class TwoNodesIntegrationTest {
  private final PostgresCluster cluster = PostgresCluster.sharedOrSkip();

  @Test
  void aWriteAcknowledgedByOneNodeIsReadOnTheOtherAtOnce() {
    PostgresTarget database = cluster.newDatabase();
    try (BillingGate a = Nodes.start(database); BillingGate b = Nodes.start(database);
        IamClient iamA = Nodes.admin(IamClient.builder(), a.endpoint(), Region.AWS_GLOBAL);
        IamClient iamB = Nodes.admin(IamClient.builder(), b.endpoint(), Region.AWS_GLOBAL)) {
      for (int i = 0; i < 20; i++) {
        String name = "user-" + i;
        (i % 2 == 0 ? iamA : iamB).createUser(r -> r.userName(name));
        assertThat((i % 2 == 0 ? iamB : iamA).getUser(r -> r.userName(name)).user().userName()).isEqualTo(name);
      }
      iamA.attachUserPolicy(r -> r.userName("user-1").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
      assertThat(iamB.listAttachedUserPolicies(r -> r.userName("user-1")).attachedPolicies())
          .extracting(p -> p.policyName()).containsExactly("ReadOnlyAccess");

      // Unique names hold across nodes: the second create of a name fails on the other node.
      assertThatThrownBy(() -> iamB.createUser(r -> r.userName("user-0")))
          .isInstanceOfSatisfying(AwsServiceException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists"));
    }
  }

  @Test
  void bothNodesBootstrapOnceAndShareTheFirstStartState() {
    PostgresTarget database = cluster.newDatabase();
    try (BillingGate a = Nodes.start(database); BillingGate b = Nodes.start(database);
        IamClient iamA = Nodes.admin(IamClient.builder(), a.endpoint(), Region.AWS_GLOBAL);
        IamClient iamB = Nodes.admin(IamClient.builder(), b.endpoint(), Region.AWS_GLOBAL)) {
      iamA.createUser(r -> r.userName("before-reset"));
      b.reset();
      assertThatThrownBy(() -> iamA.getUser(r -> r.userName("before-reset")))
          .isInstanceOfSatisfying(AwsServiceException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity"));
      assertThat(iamB.listUsers().users()).extracting(u -> u.userName()).containsExactly("admin");
    }
  }

  @Test
  void aCreateAccountStartedOnANodeThatGoesAwayCompletesOnTheOther() {
    PostgresTarget database = cluster.newDatabase();
    BillingGate a = Nodes.start(database);
    String requestId;
    try (BillingGate b = Nodes.start(database);
        OrganizationsClient orgsB = Nodes.admin(OrganizationsClient.builder(), b.endpoint(), Region.US_EAST_1)) {
      try (OrganizationsClient orgsA = Nodes.admin(OrganizationsClient.builder(), a.endpoint(), Region.US_EAST_1)) {
        orgsA.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        CreateAccountStatus started = orgsA.createAccount(r -> r.email("dev@example.com").accountName("dev"))
            .createAccountStatus();
        assertThat(started.state()).isEqualTo(CreateAccountState.IN_PROGRESS);
        requestId = started.id();
      } finally {
        a.close();
      }

      CreateAccountStatus status = orgsB.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
          .createAccountStatus();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (status.state() == CreateAccountState.IN_PROGRESS && Instant.now().isBefore(deadline)) {
        sleep(Nodes.CREATE_ACCOUNT_DELAY.dividedBy(4));
        status = orgsB.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId)).createAccountStatus();
      }
      assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
      String accountId = status.accountId();
      assertThat(orgsB.listAccounts().accounts()).extracting(acc -> acc.id()).contains(accountId);
    }
  }

  @Test
  void probesAnswerUnsignedAndRequestsGetServiceUnavailableWhileTheDatabaseIsDown() {
    try (PostgresCluster own = PostgresCluster.ownOrSkip();
        BillingGate node = Nodes.start(own.newDatabase());
        StsClient sts = Nodes.admin(StsClient.builder(), node.endpoint(), Region.US_EAST_1);
        OrganizationsClient orgs = Nodes.admin(OrganizationsClient.builder(), node.endpoint(), Region.US_EAST_1);
        IamClient iam = Nodes.admin(IamClient.builder(), node.endpoint(), Region.AWS_GLOBAL)) {
      assertThat(Nodes.get(node.endpoint(), "/_billing-gate/v1/health").statusCode()).isEqualTo(200);
      assertThat(Nodes.get(node.endpoint(), "/_billing-gate/v1/ready").body()).isEqualTo("{\"status\":\"ready\"}");
      iam.createUser(r -> r.userName("before-outage"));

      own.stop();
      // The node's lease may still run (nothing can commit meanwhile); once it has run out, no
      // request is served from memory.
      sleep(PostgresSettings.defaults().lease());

      assertThat(Nodes.get(node.endpoint(), "/_billing-gate/v1/health").statusCode()).isEqualTo(200);
      assertThat(Nodes.get(node.endpoint(), "/_billing-gate/v1/ready").statusCode()).isEqualTo(503);
      // The query protocol (STS, IAM) and JSON (Organizations) each in their own error shape.
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
      });
      assertThatThrownBy(() -> iam.createUser(r -> r.userName("during-outage")))
          .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
      assertThatThrownBy(orgs::listRoots).isInstanceOfSatisfying(AwsServiceException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
      });

      own.start();
      // The pool reconnects in the background; the node is ready again within seconds.
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Nodes.get(node.endpoint(), "/_billing-gate/v1/ready").statusCode() != 200
          && Instant.now().isBefore(deadline)) {
        sleep(Duration.ofMillis(100));
      }

      assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
      assertThat(iam.listUsers().users()).extracting(u -> u.userName())
          .contains("before-outage").doesNotContain("during-outage");
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
