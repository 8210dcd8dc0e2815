package dev.billinggate.governance;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 lines, with cells that would run as spreadsheet formulas defused. Public for the CLI's
 * {@code --output csv --query}, so every CSV the tool writes quotes and guards the same way.
 */
public final class Csv {
  private Csv() {}

  /** One line, CRLF-terminated; a null cell is empty. */
  public static String line(List<String> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String cell(String value) {
    String v = value == null ? "" : value;
    // Leading = + - @ would run as formulas in spreadsheets that open the report.
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
