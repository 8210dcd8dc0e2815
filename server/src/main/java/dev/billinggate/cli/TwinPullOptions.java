package dev.billinggate.cli;

import dev.billinggate.core.IdGenerator;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.IamCrawl;
import dev.billinggate.governance.ProgressListener;
import dev.billinggate.governance.TwinPuller;
import dev.billinggate.governance.VendingRecords;
import dev.billinggate.twin.Redactor;
import dev.billinggate.twin.TwinWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What and how {@code twin pull} reads, shared with {@code twin diff}'s endpoint sides (a picocli mixin). */
final class TwinPullOptions {
  @Mixin ConcurrencyOption concurrency;
  @Mixin BillingProbeOption probe;

  @Option(names = "--iam", description = "Also read each account's IAM roles, trust policies and policy documents"
      + " (for explain on the twin), through the role --role-name names.")
  boolean iam;

  @Option(names = "--role-name", paramLabel = "NAME", defaultValue = "OrganizationAccountAccessRole",
      description = "The role --iam assumes in each member (default: ${DEFAULT-VALUE}).")
  String roleName;

  @Option(names = "--redact", description = "Replace every email and account name with a pseudonym (a keyed hash,"
      + " stable across pulls with the same key); ids and structure stay.")
  boolean redact;

  @Option(names = "--redact-key-file", paramLabel = "KEYFILE", description = "The redaction key: read when the file"
      + " exists, else created (64 hex digits, mode 600). Default: the twin file's name + .redact-key. Keep it to get"
      + " the same pseudonyms next time.")
  Path redactKeyFile;

  /**
   * Pulls into {@code file} through a temporary sibling, moved into place only once complete, so an
   * interrupted pull never leaves half a twin under the real name.
   */
  TwinPuller.Summary pullToFile(AwsClients clients, GovernanceOptions options, Path file, String source,
      PrintWriter err) throws IOException {
    TwinPuller puller = puller(clients, options, file, err);
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try {
      TwinPuller.Summary summary;
      try (OutputStream out = Files.newOutputStream(partial); TwinWriter writer = TwinWriter.open(out)) {
        summary = puller.pull(writer, source, concurrency.concurrency, ProgressListener.NONE);
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private TwinPuller puller(AwsClients clients, GovernanceOptions options, Path file, PrintWriter err)
      throws IOException {
    Redactor redactor = redact ? new Redactor(redactionKey(file, options.ids, err)) : null;
    return new TwinPuller(clients, VendingRecords.open(options.stateDir), probe.probe(clients), redactor,
        iam ? new IamCrawl(clients, roleName) : null, options.clock);
  }

  private String redactionKey(Path file, IdGenerator ids, PrintWriter err) throws IOException {
    Path keyFile = redactKeyFile != null ? redactKeyFile
        : file.toAbsolutePath().resolveSibling(file.getFileName() + ".redact-key");
    if (Files.exists(keyFile)) {
      String key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
      if (!Redactor.KEY.matcher(key).matches()) {
        throw new GovernanceRun.UsageError("--redact-key-file " + keyFile + " does not hold a redaction key (64"
            + " lowercase hex digits)");
      }
      return key;
    }
    String key = ids.next(IdGenerator.HEX, 64);
    Files.createDirectories(keyFile.toAbsolutePath().getParent());
    // Created private, before the key is in it.
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(keyFile, key + "\n", StandardCharsets.UTF_8);
    err.println("twin: new redaction key in " + keyFile + " (keep it: the same key gives the same pseudonyms)");
    return key;
  }
}
