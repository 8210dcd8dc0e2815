package dev.billinggate.service.billing;

import dev.billinggate.core.Partition;
import dev.billinggate.core.ServiceId;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import java.util.List;
import software.amazon.awssdk.services.billing.model.BillingViewElement;
import software.amazon.awssdk.services.billing.model.BillingViewListElement;
import software.amazon.awssdk.services.billing.model.BillingViewType;
import software.amazon.awssdk.services.billing.model.GetBillingViewRequest;
import software.amazon.awssdk.services.billing.model.GetBillingViewResponse;
import software.amazon.awssdk.services.billing.model.ListBillingViewsRequest;
import software.amazon.awssdk.services.billing.model.ListBillingViewsResponse;

/**
 * The AWS Billing API (awsJson 1.0, {@code AWSBilling}): every account has exactly its primary
 * billing view; custom and billing-group views are not modeled, so their operations answer
 * NotImplemented.
 */
public final class BillingService implements ServiceHandler {

  @Override
  public ServiceId service() {
    return ServiceId.BILLING;
  }

  @Override
  public void register(OperationTable t) {
    t.on(ListBillingViewsRequest.class,
        (r, ctx) -> AccessTarget.of("billing:ListBillingViews", "*"), this::listBillingViews);
    t.on(GetBillingViewRequest.class, (r, ctx) -> AccessTarget.of("billing:GetBillingView", r.arn()),
        this::getBillingView);
  }

  static String primaryArn(String accountId) {
    return Partition.arnPrefix() + "billing::" + accountId + ":billingview/primary";
  }

  ListBillingViewsResponse listBillingViews(ListBillingViewsRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    String arn = primaryArn(account);
    boolean typeMatches = !r.hasBillingViewTypes() || r.billingViewTypes().contains(BillingViewType.PRIMARY);
    boolean arnMatches = !r.hasArns() || r.arns().contains(arn);
    boolean ownerMatches = r.ownerAccountId() == null || r.ownerAccountId().equals(account);
    List<BillingViewListElement> views = typeMatches && arnMatches && ownerMatches
        ? List.of(BillingViewListElement.builder().arn(arn).name("Primary View").ownerAccountId(account)
            .billingViewType(BillingViewType.PRIMARY).build())
        : List.of();
    return ListBillingViewsResponse.builder().billingViews(views).build();
  }

  GetBillingViewResponse getBillingView(GetBillingViewRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    if (!primaryArn(account).equals(r.arn())) {
      throw BillingError.viewNotFound(r.arn());
    }
    return GetBillingViewResponse.builder().billingView(BillingViewElement.builder().arn(r.arn()).name("Primary View")
        .billingViewType(BillingViewType.PRIMARY).ownerAccountId(account).build()).build();
  }
}
