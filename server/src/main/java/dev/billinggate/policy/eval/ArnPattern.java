package dev.billinggate.policy.eval;

import java.util.List;

/**
 * An ARN pattern matched segment by segment (partition, service, region, account, resource), as
 * IAM does for {@code Resource} and the {@code Arn*} operators: a wildcard never crosses a segment
 * boundary, except in the resource part, which may itself contain {@code :} and {@code /}.
 * Case-sensitive. Two non-ARN strings are compared as one glob; an ARN never matches a non-ARN.
 */
final class ArnPattern {
  private static final ArnPattern ANY = new ArnPattern(new Glob.Any(), null);

  /** The pattern as one glob when it is not an ARN, else null. */
  private final Glob whole;
  /** Segments 1–5 (segment 0 is always {@code arn}), or null when the pattern is not an ARN. */
  private final Glob[] segments;

  private ArnPattern(Glob whole, Glob[] segments) {
    this.whole = whole;
    this.segments = segments;
  }

  static ArnPattern compile(String pattern) {
    return pattern.equals("*") ? ANY : compile(List.of(new Template.Chunk(pattern, false)));
  }

  /** From resolved template chunks; only colons in pattern text (not substituted values) split. */
  static ArnPattern compile(List<Template.Chunk> chunks) {
    Glob.Builder whole = Glob.builder();
    Glob.Builder[] segs = new Glob.Builder[6];
    for (int i = 0; i < 6; i++) {
      segs[i] = Glob.builder();
    }
    int seg = 0;
    for (Template.Chunk c : chunks) {
      if (c.literal()) {
        whole.literal(c.text());
        segs[seg].literal(c.text());
        continue;
      }
      whole.pattern(c.text());
      int start = 0;
      String t = c.text();
      for (int i = 0; i < t.length() && seg < 5; i++) {
        if (t.charAt(i) == ':') {
          segs[seg].pattern(t.substring(start, i));
          start = i + 1;
          seg++;
        }
      }
      segs[seg].pattern(t.substring(start));
    }
    if (seg < 5) {
      return new ArnPattern(whole.build(), null);
    }
    Glob[] compiled = new Glob[5];
    for (int i = 1; i < 6; i++) {
      compiled[i - 1] = segs[i].build();
    }
    return new ArnPattern(null, compiled);
  }

  /** Walks the value's first five colons in place: no split, no allocation. */
  boolean matches(String arn) {
    if (this == ANY) {
      return true;
    }
    int start = arn.indexOf(':') + 1;
    for (int i = 0; i < 4 && start > 0; i++) {
      int colon = arn.indexOf(':', start);
      if (colon >= 0 && segments != null && !segments[i].matches(arn, start, colon)) {
        return false;
      }
      start = colon + 1;
    }
    boolean isArn = start > 0;
    if (segments == null || !isArn) {
      return segments == null && !isArn && whole.matches(arn);
    }
    return segments[4].matches(arn, start, arn.length());
  }
}
