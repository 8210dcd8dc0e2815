package dev.billinggate.policy.document;

/**
 * Splits an ARN (or ARN pattern) into its six parts: {@code arn}, partition, service, region,
 * account, resource. The resource part keeps any further colons. Colons inside a policy variable
 * ({@code ${aws:username}}) do not split when {@code variables} is set.
 */
public final class ArnSegments {
  private ArnSegments() {}

  /** The segment start offsets (6 entries plus the end), or {@code null} for fewer than 6 parts. */
  public static int[] bounds(String arn, boolean variables) {
    int[] b = new int[7];
    int seg = 1;
    int depth = 0;
    for (int i = 0; i < arn.length() && seg < 6; i++) {
      char c = arn.charAt(i);
      if (variables && c == '$' && i + 1 < arn.length() && arn.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        b[seg++] = i + 1;
      }
    }
    if (seg < 6) {
      return null;
    }
    b[6] = arn.length() + 1;
    return b;
  }

  /** Segment {@code i} (0–5) of an ARN given its {@link #bounds}. */
  public static String segment(String arn, int[] bounds, int i) {
    return arn.substring(bounds[i], bounds[i + 1] - 1);
  }
}
