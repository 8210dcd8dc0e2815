package dev.billinggate.core;

/**
 * The AWS services billing-gate emulates, with the facts the wire layer routes on: the SigV4
 * signing name, the protocol, the JSON target prefix and the SDK package holding the model classes.
 */
public enum ServiceId {
  IAM("iam", Protocol.AWS_QUERY, null, "iam", "2010-05-08"),
  STS("sts", Protocol.AWS_QUERY, null, "sts", "2011-06-15"),
  ORGANIZATIONS("organizations", Protocol.AWS_JSON_1_1, "AWSOrganizationsV20161128", "organizations", "2016-11-28"),
  COST_EXPLORER("ce", Protocol.AWS_JSON_1_1, "AWSInsightsIndexService", "costexplorer", "2017-10-25"),
  BUDGETS("budgets", Protocol.AWS_JSON_1_1, "AWSBudgetServiceGateway", "budgets", "2016-10-20"),
  BILLING("billing", Protocol.AWS_JSON_1_0, "AWSBilling", "billing", "2023-09-07"),
  ACCOUNT("account", Protocol.REST_JSON_1, null, "account", "2021-02-01"),
  SQS("sqs", Protocol.AWS_JSON_1_0, "AmazonSQS", "sqs", "2012-11-05"),
  S3("s3", Protocol.REST_XML, null, "s3", "2006-03-01"),
  /** S3 Control signs as {@code s3}; the router tells it apart by its {@code /v20180820/} paths. */
  S3_CONTROL("s3", Protocol.REST_XML, null, "s3control", "2018-08-20", "s3control");

  public enum Protocol { AWS_QUERY, AWS_JSON_1_0, AWS_JSON_1_1, REST_JSON_1, REST_XML }

  private final String signingName;
  private final Protocol protocol;
  private final String targetPrefix;
  private final String sdkPackage;
  private final String apiVersion;
  private final String modelName;

  ServiceId(String signingName, Protocol protocol, String targetPrefix, String sdkService, String apiVersion) {
    this(signingName, protocol, targetPrefix, sdkService, apiVersion, signingName);
  }

  ServiceId(String signingName, Protocol protocol, String targetPrefix, String sdkService, String apiVersion,
      String modelName) {
    this.signingName = signingName;
    this.protocol = protocol;
    this.targetPrefix = targetPrefix;
    this.sdkPackage = "software.amazon.awssdk.services." + sdkService;
    this.apiVersion = apiVersion;
    this.modelName = modelName;
  }

  /** The service name in the SigV4 credential scope and the IAM action prefix. */
  public String signingName() { return signingName; }
  public Protocol protocol() { return protocol; }
  /** The {@code X-Amz-Target} prefix for the JSON protocols, {@code null} otherwise. */
  public String targetPrefix() { return targetPrefix; }
  /** Package of the AWS SDK for Java v2 classes; model classes live in {@code <package>.model}. */
  public String sdkPackage() { return sdkPackage; }
  public String apiVersion() { return apiVersion; }
  /** Directory of botocore's {@code service-2.json.gz} under {@code /aws-models/}. */
  public String modelName() { return modelName; }

  /** The first service signing as {@code name}: S3 for {@code s3}, S3 Control being found by its path. */
  public static ServiceId bySigningName(String name) {
    for (ServiceId id : values()) {
      if (id.signingName.equals(name)) {
        return id;
      }
    }
    return null;
  }
}
