package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostLine;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The values a cost line has for Cost Explorer's dimensions, tags and cost categories, within one
 * caller's view (account names and the payer come from the caller's organization).
 *
 * @param categories cost category name → the category's value for a line
 */
record LineAttributes(Map<String, String> accountNames, String payerAccountId,
    Map<String, Function<CostLine, String>> categories) {

  /** Dimensions billing-gate's data carries; others are valid keys whose value is always empty. */
  static final Set<String> KNOWN_DIMENSIONS = Set.of("LINKED_ACCOUNT", "LINKED_ACCOUNT_NAME", "PAYER_ACCOUNT",
      "SERVICE", "SERVICE_CODE", "REGION", "USAGE_TYPE", "OPERATION", "RECORD_TYPE", "INSTANCE_TYPE",
      "BILLING_ENTITY", "LEGAL_ENTITY_NAME", "INVOICING_ENTITY");

  String dimension(CostLine line, String key) {
    return switch (key) {
      case "LINKED_ACCOUNT" -> line.accountId();
      case "LINKED_ACCOUNT_NAME" -> accountNames.getOrDefault(line.accountId(), line.accountId());
      case "PAYER_ACCOUNT" -> payerAccountId;
      case "SERVICE" -> line.service();
      case "SERVICE_CODE" -> line.serviceCode();
      case "REGION" -> line.region();
      case "USAGE_TYPE" -> line.usageType();
      case "OPERATION" -> line.operation();
      case "RECORD_TYPE" -> line.recordType();
      case "INSTANCE_TYPE" -> instanceType(line.usageType());
      case "RESOURCE_ID" -> resourceId(line);
      case "BILLING_ENTITY" -> "AWS";
      case "LEGAL_ENTITY_NAME", "INVOICING_ENTITY" -> "Amazon Web Services, Inc.";
      default -> "";
    };
  }

  String tag(CostLine line, String key) {
    return line.tags().getOrDefault(key, "");
  }

  String category(CostLine line, String name) {
    Function<CostLine, String> category = categories.get(name);
    return category == null ? "" : category.apply(line);
  }

  /** A stable, plausible resource id per line: resource-level data has one resource per line. */
  private static String resourceId(CostLine line) {
    String hash = String.format("%016x", (long) line.hashCode() * 0x9E3779B97F4A7C15L);
    return switch (line.serviceCode()) {
      case "AmazonEC2" -> line.usageType().contains("BoxUsage") ? "i-0" + hash : "vol-0" + hash;
      case "AmazonS3" -> line.accountId() + "-" + line.region() + "-data";
      case "Tax", "AWSSupportBusiness" -> "";
      default -> "arn:aws:" + line.serviceCode().toLowerCase(java.util.Locale.ROOT) + ":" + line.region() + ":"
          + line.accountId() + ":resource/" + hash.substring(0, 8);
    };
  }

  /** {@code m5.large} from {@code USW2-BoxUsage:m5.large}; instance-less usage has none. */
  private static String instanceType(String usageType) {
    int colon = usageType.indexOf(':');
    boolean instance = usageType.contains("BoxUsage") || usageType.contains("InstanceUsage")
        || usageType.contains("NodeUsage") || usageType.contains("ESInstance");
    if (!instance || colon < 0) {
      return "NoInstanceType";
    }
    return usageType.substring(colon + 1);
  }
}
