package dev.billinggate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Read an organization's governance state into a twin file (read-only): the OU tree, accounts, policies of"
          + " every type with their attachments, trusted access, delegated administrators, the resource policy,"
          + " centralized root access and each member's root credential presence (one AssumeRoot"
          + " IAMAuditRootUserCredentials session each), billing access as audit knows it.",
      "Accounts are written as they are read, so memory stays flat; what cannot be read is listed in the file's"
          + " failures, never dropped."},
    footer = {"", "Exit codes: 0 complete, 2 usage, 3 written with failures (see the file's failures), 4 credentials"
        + " or configuration, 5 AWS service error (nothing written)."})
final class TwinPullCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin TwinPullOptions pull;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The twin file to write (replaced when it exists).")
  Path file;

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("twin pull", options, spec);
    String source = options.endpointUrl == null ? "aws" : options.endpointUrl.toString();
    return run.run(clients -> pull.pullToFile(clients, options, file, source, run.err()), summary -> {
      run.err().println("twin pull: " + summary.accounts() + " accounts of " + summary.organizationId() + " in "
          + file + (summary.failures().isEmpty() ? "" : "; " + summary.failures().size() + " failure(s), e.g. "
          + TwinDiffCommand.describe(summary.failures().get(0))));
      run.err().flush();
    }, summary -> summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE);
  }
}
