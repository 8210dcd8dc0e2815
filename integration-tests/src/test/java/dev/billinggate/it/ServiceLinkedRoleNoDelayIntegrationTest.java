package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateExtension;
import dev.billinggate.junit5.BillingGateHandle;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;

/** With a deletion delay of zero, a service-linked role's deletion task is finished when it is first read. */
class ServiceLinkedRoleNoDelayIntegrationTest {
  @RegisterExtension
  static final BillingGateExtension gate =
      BillingGateExtension.configured(config -> config.withServiceLinkedRoleDeletionDelay(Duration.ZERO));

  @Test
  void theTaskSucceedsWithoutMovingTheClock(BillingGateHandle emulator) {
    IamClient admin = emulator.iam(ADMIN);
    admin.createServiceLinkedRole(r -> r.awsServiceName("elasticloadbalancing.amazonaws.com"));
    String taskId = admin.deleteServiceLinkedRole(r -> r.roleName("AWSServiceRoleForElasticLoadBalancing"))
        .deletionTaskId();
    assertThat(admin.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
        .isEqualTo(DeletionTaskStatusType.SUCCEEDED);
  }
}
