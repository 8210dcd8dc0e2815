package dev.billinggate.costdata;

import java.util.Map;

/**
 * One pre-aggregated cost line of one account: every charge sharing these attributes, summed per
 * day. Cost Explorer filters and groups whole lines, so a query touches each line's attributes once
 * and then only adds numbers.
 *
 * @param service the {@code SERVICE} dimension value, e.g. {@code Amazon Elastic Compute Cloud - Compute}
 * @param serviceCode the {@code SERVICE_CODE} (CUR {@code product_servicecode}), e.g. {@code AmazonEC2}
 * @param region the {@code REGION} value; {@code global} or {@code NoRegion} for charges without one
 * @param recordType {@code Usage}, {@code Credit}, {@code Refund}, {@code Tax} or a discount type
 * @param unit the usage quantity's unit ({@code Hrs}, {@code GB-Mo}, ...)
 * @param normalizationFactor {@code NormalizedUsageAmount} per unit of usage (1 for non-instances)
 * @param tags cost allocation tags carried by the line's resources
 */
public record CostLine(
    String accountId, String service, String serviceCode, String region, String usageType, String operation,
    String recordType, String unit, double normalizationFactor, Map<String, String> tags) {

  public CostLine {
    tags = Map.copyOf(tags);
  }

  /** Record types a management account may hide from its members ("Linked account discounts"). */
  public boolean isDiscount() {
    return recordType.contains("Discount");
  }

  /** Record types hidden by "Linked account refunds and credits". */
  public boolean isRefundOrCredit() {
    return recordType.equals(RecordTypes.CREDIT) || recordType.equals(RecordTypes.REFUND);
  }
}
