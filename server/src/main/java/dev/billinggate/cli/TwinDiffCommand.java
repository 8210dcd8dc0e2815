package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.twin.Difference;
import dev.billinggate.twin.Twin;
import dev.billinggate.twin.TwinDiff;
import dev.billinggate.twin.TwinFormatException;
import dev.billinggate.twin.TwinReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two twins, each a twin file or an endpoint URL (pulled as twin pull would, with the same options):"
          + " one line per difference, KIND ID CHANGE, A's value first.",
      "Compared: the tree, ids, names, emails, states, tags, policies and their attachments, trusted access,"
          + " delegated administrators, the resource policy, root features, root credentials, billing access."
          + " Not compared: when and by whom each was pulled, timestamps, the order of lists."},
    footer = {"", "Exit codes: 0 the same, 1 they differ, 2 usage (a file that is no valid twin), 3 a side pulled"
        + " with failures, 4 credentials or configuration, 5 AWS service error."})
final class TwinDiffCommand implements Callable<Integer> {
  private static final Pattern ENDPOINT = Pattern.compile("https?://.*");

  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Mixin TwinPullOptions pull;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "A twin file, or an endpoint URL to pull from.")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "A twin file, or an endpoint URL to pull from.")
  String b;

  /** Both sides read; {@code incomplete} when a side was pulled with failures. */
  record Compared(List<Difference> differences, boolean incomplete) {}

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("twin diff", options, spec).usageErrors(TwinFormatException.class);
    if (!output.queryValid(run.command(), run.err())) {
      return ExitCodes.USAGE;
    }
    if (pull.redact && pull.redactKeyFile == null) {
      return run.usage("--redact needs --redact-key-file here: the pseudonyms must match the other side's");
    }
    return run.run(clients -> {
      Twin left = side(a, run.err());
      Twin right = side(b, run.err());
      return new Compared(TwinDiff.compare(left, right), !left.failures().isEmpty() || !right.failures().isEmpty());
    }, compared -> print(compared, run.out()), compared -> {
      if (compared.incomplete()) {
        run.err().println("twin diff: a side has pull failures; differences there may be missing");
      }
      return !compared.differences().isEmpty() ? ExitCodes.FINDINGS
          : compared.incomplete() ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    });
  }

  private Twin side(String side, PrintWriter err) throws IOException {
    if (!ENDPOINT.matcher(side).matches()) {
      try (InputStream in = Files.newInputStream(Path.of(side))) {
        return TwinReader.read(in, side);
      } catch (NoSuchFileException e) {
        throw new GovernanceRun.UsageError(side + ": no such file (nor an http:// or https:// endpoint)");
      }
    }
    Path file = Files.createTempFile("billing-gate-twin-", ".json");
    try (AwsClients clients = options.clients(URI.create(side))) {
      pull.pullToFile(clients, options, file, side, err);
      try (InputStream in = Files.newInputStream(file)) {
        return TwinReader.read(in, side);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void print(Compared compared, PrintWriter out) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("same", compared.differences().isEmpty());
    document.put("differences", compared.differences());
    if (output.printDocument(document, out)) {
      return;
    }
    compared.differences().forEach(out::println);
    out.flush();
  }

  static String describe(Twin.Failure failure) {
    return failure.kind() + (failure.id() == null ? "" : " " + failure.id()) + " " + failure.operation() + ": "
        + failure.error();
  }
}
