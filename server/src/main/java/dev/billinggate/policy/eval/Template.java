package dev.billinggate.policy.eval;

import dev.billinggate.policy.ConditionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string with variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'default'}}) and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}. Only 2012-10-17 documents
 * have variables; elsewhere the text is used as written.
 */
final class Template {
  /** Resolved text: {@code literal} chunks match character for character (substituted values). */
  record Chunk(String text, boolean literal) {}

  private sealed interface Part permits Text, Var {}

  private record Text(String text, boolean literal) implements Part {}

  private record Var(String lowerKey, String defaultValue) implements Part {}

  private final List<Part> parts;

  private Template(List<Part> parts) {
    this.parts = parts;
  }

  /** The template for {@code text}, or {@code null} when it has no variables or escapes. */
  static Template parse(String text) {
    int open = text.indexOf("${");
    if (open < 0) {
      return null;
    }
    List<Part> parts = new ArrayList<>();
    int pos = 0;
    while (open >= 0) {
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      if (open > pos) {
        parts.add(new Text(text.substring(pos, open), false));
      }
      parts.add(part(text.substring(open + 2, close)));
      pos = close + 1;
      open = text.indexOf("${", pos);
    }
    if (pos < text.length()) {
      parts.add(new Text(text.substring(pos), false));
    }
    return new Template(List.copyOf(parts));
  }

  private static Part part(String inner) {
    if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
      return new Text(inner, true);
    }
    // The default's separator is exactly ", '" and the value ends with "'".
    int sep = inner.indexOf(", '");
    if (sep >= 0 && inner.endsWith("'") && inner.length() > sep + 3) {
      return new Var(lower(inner.substring(0, sep)), inner.substring(sep + 3, inner.length() - 1));
    }
    return new Var(lower(inner), null);
  }

  private static String lower(String key) {
    return key.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The chunks with variables substituted, or {@code null} when a variable has no single value and no
   * default: IAM then treats the element as not matching.
   */
  List<Chunk> resolve(ConditionContext ctx) {
    List<Chunk> out = new ArrayList<>(parts.size());
    for (Part p : parts) {
      if (p instanceof Text t) {
        out.add(new Chunk(t.text(), t.literal()));
        continue;
      }
      Var v = (Var) p;
      List<String> values = ctx.getLower(v.lowerKey());
      if (values != null && values.size() == 1) {
        out.add(new Chunk(values.get(0), true));
      } else if (values == null && v.defaultValue() != null) {
        out.add(new Chunk(v.defaultValue(), true));
      } else {
        return null;
      }
    }
    return out;
  }

  static String concat(List<Chunk> chunks) {
    StringBuilder sb = new StringBuilder();
    chunks.forEach(c -> sb.append(c.text()));
    return sb.toString();
  }

  static Glob glob(List<Chunk> chunks) {
    Glob.Builder b = Glob.builder();
    chunks.forEach(c -> {
      if (c.literal()) {
        b.literal(c.text());
      } else {
        b.pattern(c.text());
      }
    });
    return b.build();
  }
}
