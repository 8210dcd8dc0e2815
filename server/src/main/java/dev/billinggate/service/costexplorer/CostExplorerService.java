package dev.billinggate.service.costexplorer;

import dev.billinggate.core.Partition;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.util.List;
import software.amazon.awssdk.services.costexplorer.model.*;

/**
 * AWS Cost Explorer (awsJson 1.1, {@code AWSInsightsIndexService}): cost and usage queries,
 * dimension values, tags, forecasts and cost categories over billing-gate's cost data. Query actions
 * are authorized on {@code arn:aws:ce:us-east-1:<account>:/<Operation>}, cost category actions on the
 * category's ARN; the gates (Cost Explorer enabled, linked account access) run inside the operations.
 */
public final class CostExplorerService implements ServiceHandler {
  private final CostAndUsageOperations costAndUsage;
  private final DimensionOperations dimensions;
  private final ForecastOperations forecasts;
  private final CostCategoryOperations categories;

  public CostExplorerService(CostScope scope, Store store, AwsIds ids) {
    this.costAndUsage = new CostAndUsageOperations(scope, store);
    this.dimensions = new DimensionOperations(scope, store);
    this.forecasts = new ForecastOperations(scope, store);
    this.categories = new CostCategoryOperations(store, ids);
  }

  public static List<Table<?>> tables() {
    return List.of(CostCategories.TABLE);
  }

  @Override
  public ServiceId service() {
    return ServiceId.COST_EXPLORER;
  }

  @Override
  public void register(OperationTable t) {
    t.on(GetCostAndUsageRequest.class, query(), costAndUsage::getCostAndUsage);
    t.on(GetCostAndUsageWithResourcesRequest.class, query(), costAndUsage::getCostAndUsageWithResources);
    t.on(GetDimensionValuesRequest.class, query(), dimensions::getDimensionValues);
    t.on(GetTagsRequest.class, query(), dimensions::getTags);
    t.on(GetCostForecastRequest.class, query(), forecasts::getCostForecast);
    t.on(GetUsageForecastRequest.class, query(), forecasts::getUsageForecast);
    t.on(CreateCostCategoryDefinitionRequest.class, query(), categories::create);
    t.on(ListCostCategoryDefinitionsRequest.class, query(), categories::list);
    t.on(DescribeCostCategoryDefinitionRequest.class,
        category(DescribeCostCategoryDefinitionRequest::costCategoryArn), categories::describe);
    t.on(UpdateCostCategoryDefinitionRequest.class,
        category(UpdateCostCategoryDefinitionRequest::costCategoryArn), categories::update);
    t.on(DeleteCostCategoryDefinitionRequest.class,
        category(DeleteCostCategoryDefinitionRequest::costCategoryArn), categories::delete);
  }

  private static <I> AccessRule<I> query() {
    return (r, ctx) -> AccessTarget.of("ce:" + ctx.operation(),
        Partition.arnPrefix() + "ce:us-east-1:" + ctx.caller().accountId() + ":/" + ctx.operation());
  }

  private static <I> AccessRule<I> category(java.util.function.Function<I, String> arn) {
    return (r, ctx) -> AccessTarget.of("ce:" + ctx.operation(), arn.apply(r));
  }
}
