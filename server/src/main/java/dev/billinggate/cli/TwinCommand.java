package dev.billinggate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "twin",
    mixinStandardHelpOptions = true,
    description = "An organization twin: copy an organization's governance state into a file (pull), build it in an"
        + " emulator (push, or serve --from-twin) to rehearse on, and compare two of them (diff).",
    subcommands = {TwinPullCommand.class, TwinPushCommand.class, TwinDiffCommand.class})
final class TwinCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
