package dev.billinggate.policy.document;

import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import java.nio.charset.StandardCharsets;

/**
 * Size quotas with AWS's wording. IAM counts characters with whitespace excluded; Organizations
 * (SCPs, RCPs) counts the document's bytes as submitted. Inline quotas are per entity in AWS
 * (the sum of its inline policies): the IAM service checks that aggregate with {@link #size} and
 * {@link #exceeded}, the engine checks each document alone.
 */
public final class PolicySize {
  private PolicySize() {}

  /** The size AWS compares with {@code kind}'s quota. */
  public static long size(PolicyKind kind, String json) {
    if (kind == PolicyKind.SERVICE_CONTROL || kind == PolicyKind.RESOURCE_CONTROL) {
      return json.getBytes(StandardCharsets.UTF_8).length;
    }
    long n = 0;
    for (int i = 0; i < json.length(); i++) {
      if (!Character.isWhitespace(json.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /**
   * @param entityName the user, group or role name for inline policies (AWS names it in the
   *     message); ignored for other kinds
   * @throws PolicyException SIZE_LIMIT_EXCEEDED when {@code json} is over {@code kind}'s quota
   */
  public static void check(PolicyKind kind, String json, String entityName) {
    if (size(kind, json) > kind.maxChars()) {
      throw exceeded(kind, entityName);
    }
  }

  public static PolicyException exceeded(PolicyKind kind, String entityName) {
    String max = Integer.toString(kind.maxChars());
    String message =
        switch (kind) {
          case USER_INLINE -> "Maximum policy size of " + max + " bytes exceeded for user " + entityName;
          case GROUP_INLINE -> "Maximum policy size of " + max + " bytes exceeded for group " + entityName;
          case ROLE_INLINE -> "Maximum policy size of " + max + " bytes exceeded for role " + entityName;
          case TRUST -> "Cannot exceed quota for ACLSizePerRole: " + max;
          case SERVICE_CONTROL, RESOURCE_CONTROL -> "You have exceeded the maximum policy size.";
          case MANAGED, AWS_MANAGED, SESSION, RESOURCE -> "Cannot exceed quota for PolicySize: " + max;
        };
    return new PolicyException(PolicyException.Reason.SIZE_LIMIT_EXCEEDED, message);
  }
}
