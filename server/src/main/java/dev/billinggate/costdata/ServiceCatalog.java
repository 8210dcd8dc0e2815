package dev.billinggate.costdata;

import java.util.List;
import java.util.Map;

/**
 * The AWS services synthetic accounts use, with the exact values Cost Explorer reports for them
 * ({@code SERVICE} dimension names are not the marketing names: EC2 instances are "Amazon Elastic
 * Compute Cloud - Compute", CloudWatch is "AmazonCloudWatch").
 */
final class ServiceCatalog {

  /**
   * @param usageType the usage type without its region prefix
   * @param unitPrice USD per unit of usage, to derive usage quantities from cost
   * @param weight the share of a typical account's spend
   * @param weekendFactor spend on Saturdays and Sundays relative to weekdays (interactive workloads dip)
   * @param scope {@link Scope#REGIONAL} services spread over the account's regions
   * @param core whether every account uses it
   */
  record Service(
      String name, String code, String usageType, String operation, String unit, double unitPrice, double weight,
      double weekendFactor, Scope scope, boolean core, double normalizationFactor) {}

  enum Scope { REGIONAL, GLOBAL, MONTHLY_FEE }

  static final List<Service> SERVICES = List.of(
      svc("Amazon Elastic Compute Cloud - Compute", "AmazonEC2", "BoxUsage:m5.large", "RunInstances", "Hrs", 0.096, 30, 0.8, true, 4),
      svc("EC2 - Other", "AmazonEC2", "EBS:VolumeUsage.gp3", "CreateVolume-Gp3", "GB-Mo", 0.08, 8, 1.0, true, 1),
      svc("Amazon Simple Storage Service", "AmazonS3", "TimedStorage-ByteHrs", "StandardStorage", "GB-Mo", 0.023, 7, 1.0, true, 1),
      svc("AWS Lambda", "AWSLambda", "Lambda-GB-Second", "Invoke", "Lambda-GB-Second", 0.0000166667, 3, 0.6, true, 1),
      svc("Amazon Relational Database Service", "AmazonRDS", "InstanceUsage:db.r6g.large", "CreateDBInstance:0016", "Hrs", 0.225, 14, 0.95, false, 4),
      svc("Amazon DynamoDB", "AmazonDynamoDB", "ReadCapacityUnit-Hrs", "CommittedThroughput", "ReadCapacityUnit-Hrs", 0.00013, 4, 0.7, false, 1),
      svc("Amazon Virtual Private Cloud", "AmazonVPC", "NatGateway-Hours", "NatGateway", "Hrs", 0.045, 4, 1.0, true, 1),
      svc("Amazon Elastic Load Balancing", "AWSELB", "LoadBalancerUsage", "LoadBalancing:Application", "Hrs", 0.0225, 3, 1.0, false, 1),
      svc("Amazon Elastic Container Service", "AmazonECS", "Fargate-vCPU-Hours:perCPU", "FargateTask", "hours", 0.04048, 4, 0.75, false, 1),
      svc("Amazon Elastic Container Service for Kubernetes", "AmazonEKS", "AmazonEKS-Hours:perCluster", "CreateOperation", "Hours", 0.10, 2, 1.0, false, 1),
      svc("Amazon EC2 Container Registry (ECR)", "AmazonECR", "TimedStorage-ByteHrs", "StorageUsage", "GB-Mo", 0.10, 0.5, 1.0, false, 1),
      svc("AmazonCloudWatch", "AmazonCloudWatch", "CW:MetricMonitorUsage", "MetricStorage", "Metrics", 0.30, 2.5, 0.9, true, 1),
      svc("AWS CloudTrail", "AWSCloudTrail", "PaidEventsRecorded", "None", "Events", 0.000002, 0.5, 0.8, true, 1),
      svc("AWS Key Management Service", "awskms", "KMS-Keys", "CreateKey", "Keys", 1.0 / 730, 0.4, 1.0, true, 1),
      svc("AWS Secrets Manager", "AWSSecretsManager", "AWSSecretsManager-Secrets", "StorageSecret", "Secrets", 0.40 / 730, 0.3, 1.0, false, 1),
      svc("Amazon Simple Notification Service", "AmazonSNS", "Requests-Tier1", "Publish", "Requests", 0.0000005, 0.3, 0.7, false, 1),
      svc("Amazon Simple Queue Service", "AWSQueueService", "Requests-RBP", "ReceiveMessage", "Requests", 0.0000004, 0.6, 0.7, false, 1),
      svc("Amazon API Gateway", "AmazonApiGateway", "ApiGatewayRequest", "ApiGatewayRequest", "Requests", 0.0000035, 1.2, 0.6, false, 1),
      svc("Amazon ElastiCache", "AmazonElastiCache", "NodeUsage:cache.r6g.large", "CreateCacheCluster:0002", "Hrs", 0.206, 3, 1.0, false, 4),
      svc("Amazon OpenSearch Service", "AmazonES", "ESInstance:r6g.large", "ESDomain", "Hrs", 0.167, 3, 1.0, false, 4),
      svc("Amazon Redshift", "AmazonRedshift", "Node:ra3.xlplus", "RunComputeNode:0001", "Hrs", 1.086, 5, 1.0, false, 1),
      svc("AWS Glue", "AWSGlue", "ETL-DPU-Hour", "Jobrun", "DPU-Hour", 0.44, 1.5, 0.5, false, 1),
      svc("Amazon Athena", "AmazonAthena", "DataScannedInTB", "StartQueryExecution", "Terabytes", 5.0, 0.8, 0.5, false, 1),
      svc("Amazon Kinesis", "AmazonKinesis", "Storage-ShardHour", "shardHourStorage", "ShardHour", 0.015, 1, 1.0, false, 1),
      svc("AWS Step Functions", "AmazonStates", "StateTransition", "StateTransition", "StateTransitions", 0.000025, 0.4, 0.6, false, 1),
      svc("Amazon Elastic File System", "AmazonEFS", "TimedStorage-ByteHrs", "Storage", "GB-Mo", 0.30, 1, 1.0, false, 1),
      svc("AWS Config", "AWSConfig", "ConfigurationItemRecorded", "None", "ConfigurationItemRecorded", 0.003, 0.6, 0.9, true, 1),
      svc("Amazon GuardDuty", "AmazonGuardDuty", "PaidEventsAnalyzed", "None", "Events", 0.000001, 0.8, 0.9, false, 1),
      svc("AWS WAF", "awswaf", "WebACL", "None", "WebACL", 5.0 / 730, 0.5, 1.0, false, 1),
      svc("AWS Backup", "AWSBackup", "WarmStorage-ByteHrs-EBS", "Storage", "GB-Mo", 0.05, 0.8, 1.0, false, 1),
      svc("Amazon SageMaker", "AmazonSageMaker", "Notebk:ml.t3.medium", "RunInstance:Notebook", "Hrs", 0.05, 2, 0.4, false, 1),
      global("Amazon CloudFront", "AmazonCloudFront", "DataTransfer-Out-Bytes", "GET", "GB", 0.085, 2.5, 0.9, false),
      global("Amazon Route 53", "AmazonRoute53", "DNS-Queries", "Query", "Queries", 0.0000004, 0.4, 0.9, true));

  /** Business support: a monthly fee charged on the first of the month. */
  static final Service SUPPORT = new Service("AWS Support (Business)", "AWSSupportBusiness", "Business-Support",
      "None", "Dollar", 1, 0, 1.0, Scope.MONTHLY_FEE, false, 1);

  /** Tax lines: SERVICE "Tax", no region, charged on the first of the month for the month before. */
  static final Service TAX = new Service("Tax", "Tax", "Tax", "None", "N/A", 1, 0, 1.0, Scope.MONTHLY_FEE, false, 1);

  static final List<String> REGIONS =
      List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2");

  /** The usage type prefixes AWS puts in front of regional usage types. */
  static final Map<String, String> REGION_PREFIX = Map.of(
      "us-east-1", "USE1-", "us-west-2", "USW2-", "eu-west-1", "EU-", "eu-central-1", "EUC1-",
      "ap-northeast-1", "APN1-", "ap-southeast-2", "APS2-", "global", "GLOBAL-");

  private ServiceCatalog() {}

  private static Service svc(String name, String code, String usageType, String operation, String unit, double price,
      double weight, double weekend, boolean core, double normalization) {
    return new Service(name, code, usageType, operation, unit, price, weight, weekend, Scope.REGIONAL, core, normalization);
  }

  private static Service global(String name, String code, String usageType, String operation, String unit, double price,
      double weight, double weekend, boolean core) {
    return new Service(name, code, usageType, operation, unit, price, weight, weekend, Scope.GLOBAL, core, 1);
  }

  /** The region-qualified usage type, as CUR and Cost Explorer report it ({@code USW2-BoxUsage:m5.large}). */
  static String usageType(Service service, String region) {
    String prefix = REGION_PREFIX.get(region);
    // EC2 instance hours in us-east-1 carry no prefix; every other combination does.
    if (service.code().equals("AmazonEC2") && region.equals("us-east-1") && service.usageType().startsWith("BoxUsage")) {
      return service.usageType();
    }
    return prefix == null ? service.usageType() : prefix + service.usageType();
  }
}
