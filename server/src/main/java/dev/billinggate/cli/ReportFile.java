package dev.billinggate.cli;

import dev.billinggate.governance.AuditReports;
import dev.billinggate.governance.AuditRun;
import dev.billinggate.governance.AuditSink;
import dev.billinggate.governance.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --report FILE}, written while the command runs into a temporary sibling and moved into place
 * only when the run completes, so a crash or Ctrl-C never leaves half a report under the real name.
 */
final class ReportFile implements AutoCloseable {
  private final Path file;
  private final Path partial;
  private final Writer writer;
  private final AuditSink sink;
  private boolean committed;

  private ReportFile(Path file) throws IOException {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    this.partial = parent.resolve(file.getFileName() + ".partial");
    this.writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
    this.sink = AuditReports.writer(ReportFormat.of(file), writer);
  }

  /** The report of {@code --report}, or null when none was asked for. */
  static ReportFile openIfAsked(Path file) throws IOException {
    return file == null ? null : new ReportFile(file);
  }

  /** Writes a finished run in one go. */
  static void write(Path file, AuditRun run) throws IOException {
    try (ReportFile report = new ReportFile(file)) {
      run.replay(report.sink());
      report.commit();
    }
  }

  AuditSink sink() {
    return sink;
  }

  void commit() throws IOException {
    writer.close();
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      writer.close();
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
