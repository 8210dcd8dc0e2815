package dev.billinggate.service.costexplorer;

import dev.billinggate.core.Partition;
import dev.billinggate.core.AwsIds;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.costexplorer.CostCategories.Definition;
import dev.billinggate.store.Store;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.model.CostCategory;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryProcessingStatus;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryReference;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryRule;
import software.amazon.awssdk.services.costexplorer.model.CreateCostCategoryDefinitionRequest;
import software.amazon.awssdk.services.costexplorer.model.CreateCostCategoryDefinitionResponse;
import software.amazon.awssdk.services.costexplorer.model.DeleteCostCategoryDefinitionRequest;
import software.amazon.awssdk.services.costexplorer.model.DeleteCostCategoryDefinitionResponse;
import software.amazon.awssdk.services.costexplorer.model.DescribeCostCategoryDefinitionRequest;
import software.amazon.awssdk.services.costexplorer.model.DescribeCostCategoryDefinitionResponse;
import software.amazon.awssdk.services.costexplorer.model.ListCostCategoryDefinitionsRequest;
import software.amazon.awssdk.services.costexplorer.model.ListCostCategoryDefinitionsResponse;
import software.amazon.awssdk.services.costexplorer.model.UpdateCostCategoryDefinitionRequest;
import software.amazon.awssdk.services.costexplorer.model.UpdateCostCategoryDefinitionResponse;

/**
 * Cost category definitions. Only the current version of a definition is kept; a new definition (or
 * an update) is effective from the first of the current month, AWS's default.
 */
final class CostCategoryOperations {
  /** AWS's default quota of cost categories per payer account. */
  static final int MAX_CATEGORIES = 50;

  private final Store store;
  private final AwsIds ids;

  CostCategoryOperations(Store store, AwsIds ids) {
    this.store = store;
    this.ids = ids;
  }

  static String arn(String accountId, String id) {
    return Partition.arnPrefix() + "ce::" + accountId + ":costcategory/" + id;
  }

  CreateCostCategoryDefinitionResponse create(CreateCostCategoryDefinitionRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    String start = effectiveStart(r.effectiveStart(), ctx);
    Definition d = store.write(tx -> {
      List<Definition> existing = CostCategories.of(tx, account);
      if (existing.stream().anyMatch(e -> e.name().equals(r.name()))) {
        throw CostExplorerError.validation("Failed to create Cost Category: Cost category name already exists");
      }
      if (existing.size() >= MAX_CATEGORIES) {
        throw CostExplorerError.SERVICE_QUOTA_EXCEEDED.exception(
            "You've reached the maximum number of cost categories for this account.");
      }
      Definition created = new Definition(account, ids.requestId(), r.name(), start, r.ruleVersionAsString(),
          r.rules().stream().map(CostCategories::store).toList(), r.defaultValue());
      tx.put(CostCategories.TABLE, key(created), created);
      return created;
    });
    return CreateCostCategoryDefinitionResponse.builder().costCategoryArn(arn(account, d.id()))
        .effectiveStart(d.effectiveStart()).build();
  }

  DescribeCostCategoryDefinitionResponse describe(DescribeCostCategoryDefinitionRequest r, CallContext ctx) {
    Definition d = find(ctx, r.costCategoryArn());
    return DescribeCostCategoryDefinitionResponse.builder().costCategory(CostCategory.builder()
        .costCategoryArn(r.costCategoryArn()).name(d.name()).effectiveStart(d.effectiveStart())
        .ruleVersion(d.ruleVersion()).rules(rules(d)).defaultValue(d.defaultValue())
        .processingStatus(applied()).build()).build();
  }

  ListCostCategoryDefinitionsResponse list(ListCostCategoryDefinitionsRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    List<Definition> all = store.read(tx -> CostCategories.of(tx, account));
    int fingerprint = r.toBuilder().nextToken(null).build().hashCode();
    int offset = PageTokens.decode(r.nextToken(), fingerprint);
    int max = r.maxResults() == null ? 100 : r.maxResults();
    List<CostCategoryReference> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + max))
        .stream().map(d -> CostCategoryReference.builder().costCategoryArn(arn(account, d.id())).name(d.name())
            .effectiveStart(d.effectiveStart()).numberOfRules(d.rules().size()).processingStatus(applied())
            .values(d.rules().stream().map(CostCategories.StoredRule::value).filter(v -> v != null).distinct().toList())
            .defaultValue(d.defaultValue()).build())
        .toList();
    String next = offset + max < all.size() ? PageTokens.encode(fingerprint, offset + max) : null;
    return ListCostCategoryDefinitionsResponse.builder().costCategoryReferences(page).nextToken(next).build();
  }

  UpdateCostCategoryDefinitionResponse update(UpdateCostCategoryDefinitionRequest r, CallContext ctx) {
    String start = effectiveStart(r.effectiveStart(), ctx);
    Definition d = find(ctx, r.costCategoryArn());
    Definition updated = new Definition(d.accountId(), d.id(), d.name(), start, r.ruleVersionAsString(),
        r.rules().stream().map(CostCategories::store).toList(), r.defaultValue());
    store.write(tx -> {
      tx.put(CostCategories.TABLE, key(updated), updated);
      return null;
    });
    return UpdateCostCategoryDefinitionResponse.builder().costCategoryArn(r.costCategoryArn())
        .effectiveStart(start).build();
  }

  DeleteCostCategoryDefinitionResponse delete(DeleteCostCategoryDefinitionRequest r, CallContext ctx) {
    Definition d = find(ctx, r.costCategoryArn());
    store.write(tx -> {
      tx.delete(CostCategories.TABLE, key(d));
      return null;
    });
    String end = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1) + "T00:00:00Z";
    return DeleteCostCategoryDefinitionResponse.builder().costCategoryArn(r.costCategoryArn()).effectiveEnd(end).build();
  }

  private Definition find(CallContext ctx, String arn) {
    String account = ctx.caller().accountId();
    String prefix = arn(account, "");
    Optional<Definition> found = arn != null && arn.startsWith(prefix)
        ? store.read(tx -> tx.get(CostCategories.TABLE, account + "/" + arn.substring(prefix.length())))
        : Optional.empty();
    return found.orElseThrow(() -> CostExplorerError.resourceNotFound(
        "No Cost Categories found with ID " + arn, arn));
  }

  private static String effectiveStart(String requested, CallContext ctx) {
    if (requested != null) {
      LocalDate day = LocalDate.ofEpochDay(CostDates.day(requested));
      if (day.getDayOfMonth() != 1) {
        throw CostExplorerError.validation("Effective start date must be the first day of a month");
      }
      return day + "T00:00:00Z";
    }
    return LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC).withDayOfMonth(1) + "T00:00:00Z";
  }

  private static List<CostCategoryRule> rules(Definition d) {
    return d.rules().stream().map(CostCategories::sdk).toList();
  }

  private static List<CostCategoryProcessingStatus> applied() {
    return List.of(CostCategoryProcessingStatus.builder().component("COST_EXPLORER").status("APPLIED").build());
  }

  private static String key(Definition d) {
    return d.accountId() + "/" + d.id();
  }
}
