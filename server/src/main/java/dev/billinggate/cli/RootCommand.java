package dev.billinggate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "root",
    mixinStandardHelpOptions = true,
    description = "Check and enable centralized root access (check, enable), delete member accounts' root credentials through it (plan, apply), let a root password be recovered, or unlock a queue whose policy locks everyone out.",
    subcommands = {RootCheckCommand.class, RootEnableCommand.class, RootPlanCommand.class, RootApplyCommand.class,
        RootRecoverCommand.class, RootUnlockQueueCommand.class, RootUnlockBucketCommand.class})
final class RootCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
