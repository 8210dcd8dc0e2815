package dev.billinggate.service.s3;

import dev.billinggate.core.AwsException;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.document.Effect;
import dev.billinggate.policy.document.PolicyDocument;
import dev.billinggate.policy.document.PolicyParser;
import dev.billinggate.policy.document.PrincipalBlock;
import dev.billinggate.policy.document.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What PutBucketPolicy accepts, with S3's MalformedPolicy texts (docs/s3.md lists their sources): a
 * JSON object of at most 20 KB once insignificant white space is removed, every statement with a
 * principal, an action and resources of this bucket, principals that are ARNs, account ids or
 * {@code *}, and S3 actions only.
 */
final class BucketPolicies {
  static final int MAX_BYTES = 20 * 1024;
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws[a-z-]*:(iam|sts)::(\\d{12}|aws):.+");
  private static final Pattern ACTION = Pattern.compile("(s3:[A-Za-z0-9*?]+|\\*)");

  /** Condition keys whose fixed values make an Allow for {@code *} non-public (lower case). */
  private static final Set<String> NARROWING_KEYS = Set.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
      "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:principalaccount", "aws:principalarn",
      "aws:principalorgid", "aws:userid", "aws:principalorgpaths", "aws:sourceorgid", "aws:sourceorgpaths",
      "s3:dataaccesspointarn", "s3:dataaccesspointaccount");

  private BucketPolicies() {}

  static void requireValid(String bucket, String json) {
    if (json == null || json.isBlank() || json.strip().charAt(0) != '{') {
      throw malformed("Policies must be valid JSON and the first byte must be '{'");
    }
    if (compactSize(json) > MAX_BYTES) {
      throw malformed("Policy exceeds the maximum allowed document size.");
    }
    PolicyDocument doc;
    try {
      doc = PolicyParser.parse(json);
    } catch (PolicyException e) {
      throw malformed("This policy contains invalid Json");
    }
    if (doc.statements().isEmpty()) {
      throw malformed("Missing required field Statement");
    }
    for (Statement s : doc.statements()) {
      if (s.principal() == null && s.notPrincipal() == null) {
        throw malformed("Missing required field Principal");
      }
      if (s.action() == null && s.notAction() == null) {
        throw malformed("Missing required field Action");
      }
      if (s.resource() == null && s.notResource() == null) {
        throw malformed("Missing required field Resource");
      }
      principals(s.principal() != null ? s.principal() : s.notPrincipal());
      actions(s.action() != null ? s.action() : s.notAction());
      resources(bucket, s.resource() != null ? s.resource() : s.notResource());
    }
  }

  private static void principals(PrincipalBlock block) {
    if (block.any()) {
      return;
    }
    for (String aws : block.byType().getOrDefault("AWS", List.of())) {
      if (!aws.equals("*") && !ACCOUNT.matcher(aws).matches() && !PRINCIPAL_ARN.matcher(aws).matches()) {
        throw malformed("Invalid principal in policy");
      }
    }
  }

  private static void actions(List<String> actions) {
    for (String action : actions) {
      if (!ACTION.matcher(action).matches()) {
        throw malformed("Policy has invalid action");
      }
    }
  }

  /** Every resource must be this bucket or objects in it (or, as AWS accepts, {@code *}). */
  private static void resources(String bucket, List<String> resources) {
    String arn = "arn:aws:s3:::" + bucket;
    for (String resource : resources) {
      boolean ours = resource.equals("*") || resource.equals(arn) || resource.startsWith(arn + "/")
          || wildcardCovers(resource, arn);
      if (!ours) {
        throw malformed("Policy has invalid resource");
      }
    }
  }

  /** {@code arn:aws:s3:::my-*} names this bucket too. */
  private static boolean wildcardCovers(String resource, String arn) {
    if (!resource.startsWith("arn:aws:s3:::") || resource.indexOf('*') < 0 && resource.indexOf('?') < 0) {
      return false;
    }
    String bucketPart = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
    String regex = Pattern.quote(bucketPart).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
    return Pattern.matches(regex, arn);
  }

  /** The document's size without the white space between JSON tokens, which AWS does not count. */
  static int compactSize(String json) {
    int size = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\' && i + 1 < json.length()) {
          size += utf8Length(c) + utf8Length(json.charAt(++i));
          continue;
        }
        inString = c != '"';
      } else if (Character.isWhitespace(c)) {
        continue;
      } else if (c == '"') {
        inString = true;
      }
      size += utf8Length(c);
    }
    return size;
  }

  private static int utf8Length(char c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
  }

  /**
   * Whether S3 counts the policy as public (S3 User Guide, "The meaning of public"): an Allow for
   * everyone ({@code *}) not narrowed by a condition on a key that fixes who or where the caller is.
   */
  static boolean isPublic(String json) {
    PolicyDocument doc = PolicyParser.parse(json);
    return doc.statements().stream().anyMatch(s -> s.effect() == Effect.ALLOW && s.principal() != null
        && s.principal().isWildcard() && s.condition().stream().noneMatch(c -> NARROWING_KEYS.contains(c.key().toLowerCase(Locale.ROOT))));
  }

  private static AwsException malformed(String message) {
    return S3Error.MALFORMED_POLICY.exception(message);
  }
}
