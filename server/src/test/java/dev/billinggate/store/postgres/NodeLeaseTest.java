package dev.billinggate.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeLeaseTest {
  private static final Duration LENGTH = Duration.ofSeconds(2);

  @Test
  void aLeaseRunsFromBeforeItsRenewalWasSentLessATenthAndEndsWhenRevoked() {
    NodeLease lease = new NodeLease(LENGTH);
    assertThat(lease.valid()).as("never renewed").isFalse();

    lease.extend(System.nanoTime());
    assertThat(lease.valid()).isTrue();

    lease.revoke();
    assertThat(lease.valid()).as("revoked").isFalse();

    // A renewal sent 1.9 s ago ends 1.8 s after it was sent: already over.
    lease.extend(System.nanoTime() - Duration.ofMillis(1_900).toNanos());
    assertThat(lease.valid()).as("ran out on this server's clock before the database's").isFalse();

    lease.extend(System.nanoTime() - Duration.ofMillis(500).toNanos());
    assertThat(lease.valid()).isTrue();
  }
}
