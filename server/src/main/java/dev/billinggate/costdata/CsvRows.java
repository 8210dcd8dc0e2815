package dev.billinggate.costdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** RFC 4180 CSV: a header row, then records whose fields may be quoted and contain commas, quotes and newlines. */
final class CsvRows {
  private CsvRows() {}

  /** Calls {@code row} with a column name → value map for each record after the header. */
  static void read(BufferedReader in, Consumer<Map<String, String>> row) {
    try {
      List<String> header = record(in);
      if (header == null) {
        throw new IllegalArgumentException("empty file: a header row is required");
      }
      List<String> values;
      while ((values = record(in)) != null) {
        if (values.size() == 1 && values.get(0).isEmpty()) {
          continue;
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < header.size() && i < values.size(); i++) {
          map.put(header.get(i).trim(), values.get(i));
        }
        row.accept(map);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> record(BufferedReader in) throws IOException {
    int c = in.read();
    if (c < 0) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (c >= 0) {
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next >= 0) {
              in.reset();
            }
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        break;
      } else if (c != '\r') {
        field.append((char) c);
      }
      c = in.read();
    }
    fields.add(field.toString());
    return fields;
  }
}
