package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.billing.BillingClient;
import software.amazon.awssdk.services.billing.model.BillingViewType;
import software.amazon.awssdk.services.billing.model.ResourceNotFoundException;

/** The AWS Billing API (billing views) through the AWS SDK for Java v2. */
@BillingGateTest
class BillingIntegrationTest {
  static BillingGateHandle emulator;
  static BillingClient billing;

  @BeforeAll
  static void start() {
    billing = emulator.billing(ADMIN);
  }

  @Test
  void everyAccountHasItsPrimaryView() {
    var views = billing.listBillingViews(r -> { }).billingViews();
    assertThat(views).hasSize(1);
    assertThat(views.get(0).arn()).isEqualTo("arn:aws:billing::" + ACCOUNT + ":billingview/primary");
    assertThat(views.get(0).billingViewType()).isEqualTo(BillingViewType.PRIMARY);
    assertThat(billing.getBillingView(r -> r.arn(views.get(0).arn())).billingView().ownerAccountId()).isEqualTo(ACCOUNT);
    assertThat(billing.listBillingViews(r -> r.billingViewTypes(BillingViewType.CUSTOM)).billingViews()).isEmpty();
  }

  @Test
  void otherViewsAreNotFoundAndCustomViewsNotImplemented() {
    assertThatThrownBy(() -> billing.getBillingView(r -> r.arn("arn:aws:billing::111122223333:billingview/primary")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> billing.createBillingView(r -> r.name("mine").sourceViews(
        "arn:aws:billing::" + ACCOUNT + ":billingview/primary")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(501));
  }
}
