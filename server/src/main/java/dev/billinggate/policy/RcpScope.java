package dev.billinggate.policy;

import java.util.Locale;
import java.util.Set;

/**
 * The services whose resources RCPs govern, as the Organizations user guide lists them: S3, STS, KMS,
 * SQS and Secrets Manager at launch (Nov 2024), then Amazon Cognito, CloudWatch Logs, DynamoDB, ECR and
 * OpenSearch Serverless. IAM, Organizations and the billing services are not among them, so an RCP
 * never limits the root tasks' IAM calls or a billing page, in the emulator's authorization as in the
 * CLI's audit. (A third-party list of 62 prefixes exists; its derivation is unknown, so the
 * documented list is used.)
 */
public final class RcpScope {
  private static final Set<String> COVERED = Set.of("s3", "sts", "kms", "sqs", "secretsmanager",
      "cognito-idp", "cognito-identity", "logs", "dynamodb", "ecr", "aoss");

  private RcpScope() {}

  /** Whether RCPs govern {@code action} at all (by its service prefix). */
  public static boolean covers(String action) {
    int colon = action.indexOf(':');
    return colon > 0 && COVERED.contains(action.substring(0, colon).toLowerCase(Locale.ROOT));
  }
}
