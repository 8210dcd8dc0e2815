package dev.billinggate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Plain-text tables: columns padded to their widest cell; the last column is never padded. */
final class Table {
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  String render() {
    int[] widths = widths(header, new int[header.size()]);
    rows.forEach(r -> widths(r, widths));
    StringBuilder out = new StringBuilder(line(header, widths));
    rows.forEach(r -> out.append(line(r, widths)));
    return out.toString();
  }

  /** Tab-separated, no header: for {@code --output text} and shell pipelines. */
  String renderText() {
    StringBuilder out = new StringBuilder();
    rows.forEach(r -> out.append(textLine(r)));
    return out.toString();
  }

  /** Widens {@code widths} to fit {@code row}'s visible text (colour codes take no room). */
  static int[] widths(List<String> row, int[] widths) {
    for (int i = 0; i < row.size(); i++) {
      widths[i] = Math.max(widths[i], visibleLength(row.get(i)));
    }
    return widths;
  }

  static String line(List<String> row, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String cell = row.get(i);
      out.append(cell);
      if (i < row.size() - 1) {
        out.append(" ".repeat(widths[i] - visibleLength(cell) + 2));
      }
    }
    return out.append(System.lineSeparator()).toString();
  }

  static String textLine(List<String> row) {
    return String.join("\t", row) + System.lineSeparator();
  }

  private static int visibleLength(String cell) {
    return cell.indexOf('\u001b') < 0 ? cell.length() : ANSI.matcher(cell).replaceAll("").length();
  }
}
