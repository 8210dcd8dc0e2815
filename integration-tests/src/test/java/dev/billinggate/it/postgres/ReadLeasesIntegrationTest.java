package dev.billinggate.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.app.BillingGate;
import dev.billinggate.store.postgres.PostgresSettings;
import dev.billinggate.store.postgres.PostgresTarget;
import dev.billinggate.testing.PostgresCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Servers serve reads from memory while their lease runs, and a write is acknowledged only once
 * every other server holding a lease applied it (docs/store.md, "Reads"): through real SDK clients.
 */
class ReadLeasesIntegrationTest {
  /** Far above the lease: only guards against a write that waits for a stopped server for good. */
  private static final Duration HANG = PostgresSettings.defaults().lease().multipliedBy(10);

  private final PostgresCluster cluster = PostgresCluster.sharedOrSkip();

  @Test
  void everyWriteIsReadOnTheOtherNodesVeryNextRequestInBothDirections() {
    PostgresTarget database = cluster.newDatabase();
    try (BillingGate a = Nodes.start(database); BillingGate b = Nodes.start(database);
        IamClient iamA = Nodes.admin(IamClient.builder(), a.endpoint(), Region.AWS_GLOBAL);
        IamClient iamB = Nodes.admin(IamClient.builder(), b.endpoint(), Region.AWS_GLOBAL)) {
      iamA.createUser(r -> r.userName("shared"));
      for (int i = 0; i < 100; i++) {
        IamClient writer = i % 2 == 0 ? iamA : iamB;
        IamClient reader = i % 2 == 0 ? iamB : iamA;
        String value = "v" + i;
        writer.tagUser(r -> r.userName("shared").tags(Tag.builder().key("round").value(value).build()));
        assertThat(reader.listUserTags(r -> r.userName("shared")).tags()).as("round %d", i)
            .extracting(Tag::value).containsExactly(value);
        if (i % 10 == 0) {
          String name = "user-" + i;
          writer.createUser(r -> r.userName(name));
          assertThat(reader.getUser(r -> r.userName(name)).user().userName()).isEqualTo(name);
        }
      }
    }
  }

  @Test
  void aStoppedNodeHoldsUpAWriteForAboutItsLeaseAndAfterwardsAnswersWithThatWrite() {
    PostgresTarget database = cluster.newDatabase();
    try (BillingGate a = Nodes.start(database); NodeProcess b = NodeProcess.start(database);
        IamClient iamA = Nodes.admin(IamClient.builder(), a.endpoint(), Region.AWS_GLOBAL);
        IamClient iamB = Nodes.admin(IamClient.builder(), b.endpoint(), Region.AWS_GLOBAL)) {
      iamA.createUser(r -> r.userName("before"));
      assertThat(iamB.getUser(r -> r.userName("before")).user().userName()).isEqualTo("before");

      b.pause();
      long took;
      try {
        long start = System.nanoTime();
        iamA.createUser(r -> r.userName("while-stopped"));
        took = System.nanoTime() - start;
      } finally {
        b.resume();
      }
      assertThat(Duration.ofNanos(took)).as("the write waited for the stopped node's lease, not forever")
          .isLessThan(HANG);

      // Its lease ran out while it was stopped: its first request asks the database.
      assertThat(iamB.getUser(r -> r.userName("while-stopped")).user().userName()).isEqualTo("while-stopped");
      iamB.createUser(r -> r.userName("after"));
      assertThat(iamA.getUser(r -> r.userName("after")).user().userName()).isEqualTo("after");
    }
  }
}
