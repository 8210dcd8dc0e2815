package dev.billinggate.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/** A fixture built once in @BeforeAll, saved, and restored before each test with its clock. */
@BillingGateTest(snapshot = "seeded")
class SnapshotRestoreTest {
  static String member;

  @BeforeAll
  static void seed(BillingGateHandle gate) {
    gate.organization().create();
    member = gate.organization().createAccount("Seeded", IAMUserAccessToBilling.DENY);
    gate.iam().createUser(r -> r.userName("seeded"));
    gate.clock().setOffset(Duration.ofMinutes(10));
    gate.saveSnapshot("seeded");
  }

  @RepeatedTest(3)
  void everyTestStartsFromTheSnapshot(BillingGateHandle gate) {
    assertThat(gate.iam().listUsers().users()).extracting(u -> u.userName()).containsExactlyInAnyOrder("admin", "seeded");
    assertThat(gate.organizations().listAccounts().accounts()).extracting(a -> a.id()).contains(member).hasSize(2);
    String root = gate.organizations().listRoots().roots().get(0).id();
    assertThat(gate.organizations().listOrganizationalUnitsForParent(r -> r.parentId(root)).organizationalUnits()).isEmpty();
    assertThat(gate.clock().offset()).isEqualTo(Duration.ofMinutes(10));

    gate.iam().deleteUser(r -> r.userName("seeded"));
    gate.iam().createUser(r -> r.userName("temp"));
    gate.organizations().createOrganizationalUnit(r -> r.parentId(root).name("Temp"));
    gate.clock().advance(Duration.ofHours(1));
  }
}
