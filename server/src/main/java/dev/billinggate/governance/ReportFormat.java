package dev.billinggate.governance;

import java.nio.file.Path;
import java.util.Locale;

/** Report file formats, chosen by the {@code --report} file's extension. */
public enum ReportFormat {
  JSON, CSV, SARIF, HTML;

  public static ReportFormat of(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
    for (ReportFormat format : values()) {
      if (format.name().equals(extension)) {
        return format;
      }
    }
    throw new IllegalArgumentException("report file " + name + " must end in .json, .csv, .sarif or .html");
  }
}
