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

  /**
   * Checks in the order AWS reports them (AWS's captured answers, docs/policy-engine.md): grammar,
   * version, legacy parsing (Effect case, date and number values, malformed ARNs), Sids, actions and
   * resources present, then the first resource-format problem, then action names.
   */
  public static void validate(PolicyDocument doc, PolicyKind kind) {
    for (Statement s : doc.statements()) {
      for (ConditionEntry e : s.condition()) {
        ConditionOperator.parse(e.operator()).orElseThrow(() -> malformed(SYNTAX));
      }
    }
    if ((kind == PolicyKind.MANAGED || kind == PolicyKind.AWS_MANAGED) && !doc.supportsVariables()) {
      throw malformed(VERSION);
    }
    if (doc.miscasedEffect()) {
      throw malformed(LEGACY);
    }
    doc.statements().forEach(s -> conditionValues(s.condition()));
    String resourceProblem = kind == PolicyKind.TRUST ? null : firstResourceProblem(doc, kind);
    if (resourceProblem == null && kind != PolicyKind.TRUST) {
      doc.statements().forEach(s -> resourcesOf(s).forEach(PolicyValidator::legacyResource));
    }
    Set<String> sids = new HashSet<>();
    for (Statement s : doc.statements()) {
      sid(s.sid(), kind, sids);
      principal(s, kind);
      actionsPresent(s, kind);
      resourcesPresent(s, kind);
    }
    if (resourceProblem != null) {
      throw malformed(resourceProblem);
    }
    for (Statement s : doc.statements()) {
      actionNames(s, kind);
      if (kind == PolicyKind.RESOURCE_CONTROL) {
        resourceControl(s);
      }
    }
  }

  /** Trust policies that are not JSON at all get their own text (AWS's recorded answer). */
  public static String notJsonMessage(PolicyKind kind) {
    return kind == PolicyKind.TRUST ? INVALID_JSON : SYNTAX;
  }

  private static List<String> resourcesOf(Statement s) {
    return s.resource() != null ? s.resource() : s.notResource() != null ? s.notResource() : List.of();
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

  private static void actionsPresent(Statement s, PolicyKind kind) {
    List<String> actions = s.action() != null ? s.action() : s.notAction();
    if (actions == null || actions.isEmpty()) {
      throw malformed(NO_ACTIONS);
    }
    if (s.notAction() != null && kind == PolicyKind.RESOURCE_CONTROL) {
      throw malformed(prohibited("NotAction"));
    }
  }

  private static void actionNames(Statement s, PolicyKind kind) {
    List<String> actions = s.action() != null ? s.action() : s.notAction();
    for (String a : actions) {
      if (!a.equals("*")) {
        vendorPrefixed(a);
      }
    }
    if (kind == PolicyKind.TRUST && s.action() != null) {
      for (String a : s.action()) {
        // billing-gate's reading of AWS's rule: any sts action (AssumeRole*, TagSession, SetSourceIdentity, ...)
        if (!a.regionMatches(true, 0, "sts:", 0, 4)) {
          throw malformed(TRUST_ACTIONS);
        }
      }
    }
  }

  /**
   * Action names (IAM's message still says "Actions/Conditions", but condition keys without a
   * vendor are accepted). The vendor may hold letters, digits, '-' and '.'.
   */
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
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
        throw malformed(vendor(vendor));
      }
    }
  }

  private static void resourcesPresent(Statement s, PolicyKind kind) {
    if (kind == PolicyKind.TRUST) {
      if (s.resource() != null) {
        throw malformed(prohibited("Resource"));
      }
      if (s.notResource() != null) {
        throw malformed(prohibited("NotResource"));
      }
      return;
    }
    if (resourcesOf(s).isEmpty()) {
      throw malformed(NO_RESOURCES);
    }
  }

  /** AWS checks every resource's format but reports the first problem only after the presence checks. */
  private static String firstResourceProblem(PolicyDocument doc, PolicyKind kind) {
    for (Statement s : doc.statements()) {
      for (String r : resourcesOf(s)) {
        String problem = resourceProblem(r, kind, doc.supportsVariables());
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String resourceProblem(String r, PolicyKind kind, boolean variables) {
    if (r.equals("*")) {
      return null;
    }
    if (!r.startsWith("arn:")) {
      return notArn(r);
    }
    String[] padded = {"arn", "*", "*", "*", "*", "*"};
    String[] parts = r.split(":", 6);
    System.arraycopy(parts, 0, padded, 0, parts.length);
    if (!PARTITIONS.contains(padded[1])) {
      return partition(padded[1], String.join(":", padded));
    }
    if (parts.length < 3) {
      return RESOURCE_VENDOR; // "arn:aws" names no service at all
    }
    String service = parts[2];
    if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
      return RESOURCE_VENDOR;
    }
    int[] b = ArnSegments.bounds(r, variables);
    if (b == null || !checksSidCharacters(kind) || kind == PolicyKind.TRUST) {
      return null; // short ARNs are the legacy parser's business; the IAM-specific checks are IAM's
    }
    String region = ArnSegments.segment(r, b, 3);
    if (!region.isEmpty() && service.equals("iam")) {
      return iamRegion(r);
    }
    if (!region.isEmpty() && service.equals("s3")) {
      return s3Region(r);
    }
    if (service.equals("iam") && !iamResourcePath(ArnSegments.segment(r, b, 5))) {
      return IAM_PATH;
    }
    return null;
  }

  private static final List<String> IAM_RESOURCE_TYPES = List.of("user/", "federated-user/", "role/", "group/",
      "instance-profile/", "mfa/", "server-certificate/", "policy/", "sms-mfa/", "saml-provider/", "oidc-provider/",
      "report/", "access-report/");

  /** AWS's list predates centralized root access; {@code root} is accepted (sts:AssumeRoot's resource). */
  private static boolean iamResourcePath(String path) {
    return path.equals("root") || path.startsWith("*") || path.startsWith("${") || IAM_RESOURCE_TYPES.stream().anyMatch(path::startsWith);
  }

  /**
   * IAM's legacy parser: an ARN with an empty service, or with {@code ::} but fewer than six parts,
   * fails; a short ARN without {@code ::} ({@code arn:aws:fdsasf}) passes.
   */
  private static void legacyResource(String r) {
    if (r.equals("*")) {
      return;
    }
    String[] parts = r.split(":", -1);
    boolean tooShort = parts.length < 6 && r.contains("::");
    if (tooShort || parts.length < 3 || parts[2].isEmpty()) {
      throw malformed(LEGACY);
    }
  }

  private static void conditionValues(List<ConditionEntry> entries) {
    for (ConditionEntry e : entries) {
      ConditionOperator op = ConditionOperator.parse(e.operator()).orElseThrow(() -> malformed(SYNTAX));
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
