package dev.billinggate.console.web;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A fragment of HTML that is safe to emit as is. Templates are Java text blocks whose {@code %s}
 * holes are filled by {@link #of}: an {@code Html} argument goes in verbatim, anything else is
 * escaped. So escaping is the default and raw markup must be built by this class on purpose.
 */
public record Html(String text) {
  public static final Html EMPTY = new Html("");

  /** Fills {@code template}'s {@code %s} holes, escaping every argument that is not already {@code Html}. */
  public static Html of(String template, Object... args) {
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      safe[i] = args[i] instanceof Html html ? html.text : escape(String.valueOf(args[i]));
    }
    return new Html(String.format(template, safe));
  }

  /** Escaped text. */
  public static Html text(Object value) {
    return new Html(escape(String.valueOf(value)));
  }

  public static Html join(Collection<Html> parts) {
    return new Html(parts.stream().map(html -> html.text).collect(Collectors.joining()));
  }

  public static Html when(boolean condition, Html html) {
    return condition ? html : EMPTY;
  }

  /** Escapes for element content and double- or single-quoted attribute values. */
  public static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
