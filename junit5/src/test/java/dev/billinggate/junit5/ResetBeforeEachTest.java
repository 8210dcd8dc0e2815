package dev.billinggate.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/** Each repetition starts from the first-start state, whatever the one before changed. */
@BillingGateTest
class ResetBeforeEachTest {

  @RepeatedTest(3)
  void everyTestStartsFromTheFirstStartState(BillingGateHandle gate) {
    assertThatThrownBy(() -> gate.organizations().describeOrganization())
        .isInstanceOf(AwsOrganizationsNotInUseException.class);
    assertThat(gate.iam().listUsers().users()).extracting(u -> u.userName()).containsExactly("admin");
    assertThat(gate.clock().offset()).isEqualTo(Duration.ZERO);

    gate.organization().create();
    gate.organization().createAccount("Member", IAMUserAccessToBilling.ALLOW);
    gate.iam().createUser(r -> r.userName("temp"));
    gate.clock().advance(Duration.ofHours(1));
  }
}
