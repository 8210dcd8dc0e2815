package dev.billinggate.policy;

/**
 * Global condition keys the gateway fills into a request's {@link ConditionContext}. Names are
 * written as AWS documents them; lookups are case-insensitive, so the spelling is cosmetic.
 */
public final class ContextKeys {
  private ContextKeys() {}

  public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
  public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
  public static final String PRINCIPAL_ORG_ID = "aws:PrincipalOrgID";
  /** Multi-valued: one {@code o-x/r-y/ou-z/} path per level chain. */
  public static final String PRINCIPAL_ORG_PATHS = "aws:PrincipalOrgPaths";
  /** Prefix; append the tag key, e.g. {@code aws:PrincipalTag/team}. */
  public static final String PRINCIPAL_TAG_PREFIX = "aws:PrincipalTag/";
  public static final String PRINCIPAL_TYPE = "aws:PrincipalType";
  public static final String USER_ID = "aws:userid";
  /** Present only for IAM users. */
  public static final String USERNAME = "aws:username";
  public static final String ASSUMED_ROOT = "aws:AssumedRoot";
  public static final String SOURCE_IP = "aws:SourceIp";
  public static final String CURRENT_TIME = "aws:CurrentTime";
  public static final String EPOCH_TIME = "aws:EpochTime";
  public static final String SECURE_TRANSPORT = "aws:SecureTransport";
  /** Absent for long-term access keys, which is why Deny statements use {@code BoolIfExists}. */
  public static final String MULTI_FACTOR_AUTH_PRESENT = "aws:MultiFactorAuthPresent";
  public static final String MULTI_FACTOR_AUTH_AGE = "aws:MultiFactorAuthAge";
  public static final String REQUESTED_REGION = "aws:RequestedRegion";
  public static final String RESOURCE_ACCOUNT = "aws:ResourceAccount";
  public static final String RESOURCE_ORG_ID = "aws:ResourceOrgID";
  /** Prefix; append the tag key. */
  public static final String RESOURCE_TAG_PREFIX = "aws:ResourceTag/";
  /** Prefix; append the tag key. */
  public static final String REQUEST_TAG_PREFIX = "aws:RequestTag/";
  /** Multi-valued. */
  public static final String TAG_KEYS = "aws:TagKeys";
  public static final String PRINCIPAL_IS_AWS_SERVICE = "aws:PrincipalIsAWSService";
  public static final String VIA_AWS_SERVICE = "aws:ViaAWSService";
  /** Present only for temporary credentials. */
  public static final String TOKEN_ISSUE_TIME = "aws:TokenIssueTime";
  public static final String TASK_POLICY_ARN = "sts:TaskPolicyArn";

  public static String principalTag(String tagKey) {
    return PRINCIPAL_TAG_PREFIX + tagKey;
  }

  public static String resourceTag(String tagKey) {
    return RESOURCE_TAG_PREFIX + tagKey;
  }

  public static String requestTag(String tagKey) {
    return REQUEST_TAG_PREFIX + tagKey;
  }
}
