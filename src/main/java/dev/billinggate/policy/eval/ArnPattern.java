package dev.billinggate.policy.eval;

import dev.billinggate.policy.document.ArnSegments;
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

  boolean matches(String arn, int[] arnBounds) {
    if (this == ANY) {
      return true;
    }
    if (segments == null || arnBounds == null) {
      return segments == null && arnBounds == null && whole.matches(arn);
    }
    for (int i = 1; i < 6; i++) {
      if (!segments[i - 1].matches(arn, arnBounds[i], arnBounds[i + 1] - 1)) {
        return false;
      }
    }
    return true;
  }

  boolean matches(String arn) {
    return matches(arn, ArnSegments.bounds(arn, false));
  }
}
