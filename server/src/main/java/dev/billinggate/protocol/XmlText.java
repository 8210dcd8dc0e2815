package dev.billinggate.protocol;

/** Appends XML text and elements; escapes what XML 1.0 needs and replaces what it cannot carry. */
public final class XmlText {
  private final StringBuilder out = new StringBuilder(512);

  public XmlText open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  public XmlText open(String name, String xmlns) {
    out.append('<').append(name).append(" xmlns=\"");
    text(xmlns);
    out.append("\">");
    return this;
  }

  public XmlText close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  public XmlText element(String name, String text) {
    return open(name).text(text).close(name);
  }

  public XmlText text(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        // A raw CR would be normalized away by XML parsers; AWS sends it as a character reference.
        case '\r' -> out.append("&#xD;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
