package dev.billinggate.policy.document;

import static dev.billinggate.policy.document.Messages.*;

import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a {@link PolicyKind} adds to the grammar, with IAM's MalformedPolicyDocument texts.
 * Syntactic only, like IAM: unknown services and actions are accepted.
 */
public final class PolicyValidator {
  private static final Set<String> PARTITIONS =
      Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc", "*");

  private PolicyValidator() {}

  public static void validate(PolicyDocument doc, PolicyKind kind) {
    if ((kind == PolicyKind.MANAGED || kind == PolicyKind.AWS_MANAGED) && !doc.supportsVariables()) {
      throw malformed(VERSION);
    }
    Set<String> sids = new HashSet<>();
    for (Statement s : doc.statements()) {
      sid(s.sid(), kind, sids);
      principal(s, kind);
      actions(s, kind);
      resources(s, kind, doc.supportsVariables());
      conditions(s.condition());
      if (kind == PolicyKind.RESOURCE_CONTROL) {
        resourceControl(s);
      }
    }
  }

  private static void sid(String sid, PolicyKind kind, Set<String> seen) {
    if (sid == null || sid.isEmpty()) {
      return;
    }
    if (checksSidCharacters(kind)) {
      for (int i = 0; i < sid.length(); i++) {
        char c = sid.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
          throw malformed(SID_CHARS);
        }
      }
    }
    if (!seen.add(sid)) {
      throw malformed(DUPLICATE_SID);
    }
  }

  // IAM restricts Sids to alphanumerics; Organizations, other resource policies and AWS's own
  // managed documents are not held to it.
  private static boolean checksSidCharacters(PolicyKind kind) {
    return switch (kind) {
      case USER_INLINE, GROUP_INLINE, ROLE_INLINE, MANAGED, TRUST -> true;
      case AWS_MANAGED, SERVICE_CONTROL, RESOURCE_CONTROL, SESSION, RESOURCE -> false;
    };
  }

  private static void principal(Statement s, PolicyKind kind) {
    if (!kind.hasPrincipal()) {
      if (s.principal() != null) {
        throw malformed(prohibited("Principal"));
      }
      if (s.notPrincipal() != null) {
        throw malformed(prohibited("NotPrincipal"));
      }
      return;
    }
    boolean notPrincipalAllowed = kind == PolicyKind.RESOURCE;
    if (s.notPrincipal() != null && !notPrincipalAllowed) {
      throw malformed(prohibited("NotPrincipal"));
    }
    if (s.principal() == null && s.notPrincipal() == null) {
      throw malformed(missing("Principal"));
    }
  }

  private static void actions(Statement s, PolicyKind kind) {
    List<String> actions = s.action() != null ? s.action() : s.notAction();
    if (actions == null || actions.isEmpty()) {
      throw malformed(NO_ACTIONS);
    }
    if (s.notAction() != null && kind == PolicyKind.RESOURCE_CONTROL) {
      throw malformed(prohibited("NotAction"));
    }
    for (String a : actions) {
      if (!a.equals("*")) {
        vendorPrefixed(a);
      }
    }
  }

  /** Shared by actions and condition keys, as IAM's message says ("Actions/Conditions"). */
  private static void vendorPrefixed(String name) {
    int colon = name.indexOf(':');
    if (colon < 0) {
      throw malformed(NO_VENDOR);
    }
    if (name.indexOf(':', colon + 1) >= 0) {
      throw malformed(ONE_COLON);
    }
    String vendor = name.substring(0, colon);
    if (vendor.isEmpty()) {
      throw malformed(NO_VENDOR);
    }
    for (int i = 0; i < vendor.length(); i++) {
      char c = vendor.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
        throw malformed(vendor(vendor));
      }
    }
  }

  private static void resources(Statement s, PolicyKind kind, boolean variables) {
    List<String> resources = s.resource() != null ? s.resource() : s.notResource();
    if (kind == PolicyKind.TRUST) {
      if (s.resource() != null) {
        throw malformed(prohibited("Resource."));
      }
      if (s.notResource() != null) {
        throw malformed(prohibited("NotResource."));
      }
      return;
    }
    if (resources == null || resources.isEmpty()) {
      throw malformed(NO_RESOURCES);
    }
    for (String r : resources) {
      resource(r, variables);
    }
  }

  private static void resource(String r, boolean variables) {
    if (r.equals("*")) {
      return;
    }
    if (!r.startsWith("arn:")) {
      throw malformed(notArn(r));
    }
    int[] b = ArnSegments.bounds(r, variables);
    String[] padded = {"arn", "*", "*", "*", "*", "*"};
    String[] parts = r.split(":", 6);
    System.arraycopy(parts, 0, padded, 0, parts.length);
    if (!PARTITIONS.contains(padded[1])) {
      throw malformed(partition(padded[1], String.join(":", padded)));
    }
    if (b == null) {
      throw malformed(LEGACY);
    }
    String service = ArnSegments.segment(r, b, 2);
    if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
      throw malformed(RESOURCE_VENDOR);
    }
  }

  private static void conditions(List<ConditionEntry> entries) {
    for (ConditionEntry e : entries) {
      ConditionOperator op = ConditionOperator.parse(e.operator()).orElseThrow(() -> malformed(SYNTAX));
      vendorPrefixed(e.key().indexOf('/') >= 0 ? e.key().substring(0, e.key().indexOf('/')) : e.key());
      for (String v : e.values()) {
        boolean invalid =
            switch (op.base().family()) {
              case DATE -> ScalarValues.epochMillis(v) == ScalarValues.INVALID_DATE;
              case NUMERIC -> Double.isNaN(ScalarValues.number(v));
              default -> false;
            };
        if (invalid) {
          throw malformed(LEGACY);
        }
      }
    }
  }

  /**
   * Customer RCPs are Deny-only with {@code Principal: "*"}; the one Allow AWS accepts is
   * RCPFullAWSAccess (Allow * on * for *), which Organizations attaches everywhere.
   */
  private static void resourceControl(Statement s) {
    if (s.principal() == null || !s.principal().isWildcard()) {
      throw malformed(SYNTAX);
    }
    boolean fullAccess =
        List.of("*").equals(s.action()) && List.of("*").equals(s.resource()) && s.condition().isEmpty();
    if (s.effect() == Effect.ALLOW && !fullAccess) {
      throw malformed(SYNTAX);
    }
  }

  private static PolicyException malformed(String message) {
    return new PolicyException(PolicyException.Reason.MALFORMED, message);
  }
}
