package dev.billinggate.policy.eval;

import java.util.List;

/**
 * The Resource or NotResource list of a statement. Entries with policy variables are resolved per
 * request; an entry whose variable cannot be resolved matches no resource (IAM docs).
 */
final class ResourceMatcher {
  /** What a statement without Resource (a trust policy) applies to: the role it is attached to. */
  static final ResourceMatcher ANY = new ResourceMatcher(List.of("*"), false, false);

  private final boolean not;
  /** Per entry: the compiled pattern, or null when the entry has variables. */
  private final ArnPattern[] patterns;
  /** Per entry: its template, or null; the array is null when no entry has variables. */
  private final Template[] templates;

  ResourceMatcher(List<String> resources, boolean not, boolean variables) {
    this.not = not;
    this.patterns = new ArnPattern[resources.size()];
    Template[] t = new Template[resources.size()];
    boolean templated = false;
    for (int i = 0; i < patterns.length; i++) {
      t[i] = variables ? Template.parse(resources.get(i)) : null;
      templated |= t[i] != null;
      patterns[i] = t[i] == null ? ArnPattern.compile(resources.get(i)) : null;
    }
    this.templates = templated ? t : null;
  }

  boolean matches(EvalRequest r) {
    for (int i = 0; i < patterns.length; i++) {
      ArnPattern p = patterns[i];
      if (p == null) {
        List<Template.Chunk> chunks = templates[i].resolve(r.ctx);
        if (chunks == null) {
          continue;
        }
        p = ArnPattern.compile(chunks);
      }
      if (p.matches(r.resource)) {
        return !not;
      }
    }
    return not;
  }
}
