package dev.billinggate.policy.document;

/** AWS's MalformedPolicyDocument texts, as IAM returns them (sources in docs/policy-engine.md). */
final class Messages {
  private Messages() {}

  static final String SYNTAX = "Syntax errors in policy.";
  static final String INVALID_JSON = "This policy contains invalid Json";
  static final String TRUST_ACTIONS = "AssumeRole policy may only specify STS AssumeRole actions.";
  static final String IAM_PATH = "IAM resource path must either be \"*\" or start with user/, federated-user/, role/, "
      + "group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, "
      + "report/, access-report/.";
  static final String LEGACY = "The policy failed legacy parsing";
  static final String VERSION = "Policy document must be version 2012-10-17 or greater.";
  static final String NO_ACTIONS = "Policy statement must contain actions.";
  static final String NO_RESOURCES = "Policy statement must contain resources.";
  static final String DUPLICATE_SID = "Statement IDs (SID) in a single policy must be unique.";
  static final String SID_CHARS =
      "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*";
  static final String NO_VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
  static final String ONE_COLON = "Actions/Condition can contain only one colon.";
  static final String RESOURCE_VENDOR = "Resource vendor must be fully qualified and cannot contain regexes.";

  static String prohibited(String field) {
    return "Has prohibited field " + field;
  }

  static String missing(String field) {
    return "Missing required field " + field;
  }

  static String vendor(String vendor) {
    return "Vendor " + vendor + " is not valid";
  }

  static String iamRegion(String resource) {
    return "IAM resource " + resource + " cannot contain region information.";
  }

  static String s3Region(String resource) {
    return "Resource " + resource + " can not contain region information.";
  }

  static String notArn(String resource) {
    return "Resource " + resource + " must be in ARN format or \"*\".";
  }

  static String partition(String partition, String paddedArn) {
    return "Partition \"" + partition + "\" is not valid for resource \"" + paddedArn + "\".";
  }
}
