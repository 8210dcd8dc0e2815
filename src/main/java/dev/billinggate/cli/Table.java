package dev.billinggate.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain-text tables: columns padded to their widest cell; the last column is never padded. */
final class Table {
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
    int[] widths = new int[header.size()];
    for (List<String> row : concat()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : concat()) {
      for (int i = 0; i < row.size(); i++) {
        out.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  /** Tab-separated, no header: for {@code --output text} and shell pipelines. */
  String renderText() {
    StringBuilder out = new StringBuilder();
    rows.forEach(r -> out.append(String.join("\t", r)).append(System.lineSeparator()));
    return out.toString();
  }

  private List<List<String>> concat() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
