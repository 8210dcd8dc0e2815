package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.QueueUnlock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "unlock-queue",
    mixinStandardHelpOptions = true,
    description = {"Delete the policy of an SQS queue in member ACCOUNT that locks everyone out.",
      "AssumeRoot with SQSUnlockQueuePolicy, shows the policy on stderr, asks for confirmation (or --yes), then"
          + " deletes it and records the deleted policy in --state-dir/unlocks.json."},
    footer = {"", "Exit codes: 0 deleted, cancelled, or the queue has no policy, 2 usage, 4 credentials or"
        + " configuration, 5 AWS service error (e.g. the queue does not exist, or root sessions are not enabled)."})
final class RootUnlockQueueCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The member account id that owns the queue.")
  String account;

  @Parameters(index = "1", paramLabel = "QUEUE_URL", description = "The queue's URL (GetQueueUrl, or the console).")
  String queueUrl;

  @Option(names = "--yes", description = "Do not ask for confirmation (required when stdin is not a terminal).")
  boolean yes;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!output.queryValid("root unlock-queue", err)) {
      return ExitCodes.USAGE;
    }
    if (!yes && System.console() == null) {
      err.println("root unlock-queue: stdin is not a terminal; pass --yes to delete without confirmation");
      return ExitCodes.USAGE;
    }
    try (AwsClients clients = options.clients(); QueueUnlock unlock = QueueUnlock.open(clients, account, queueUrl)) {
      Optional<String> policy = unlock.policy();
      if (policy.isEmpty()) {
        err.println("root unlock-queue: " + queueUrl + " has no queue policy; nothing to delete");
        return ExitCodes.OK;
      }
      err.println("Queue policy of " + queueUrl + " (account " + account + "):");
      err.println(policy.get());
      if (!yes && !confirmed(err)) {
        err.println("root unlock-queue: cancelled");
        return ExitCodes.OK;
      }
      QueueUnlock.Unlocked unlocked = unlock.delete(policy.get(), clients.sts().getCallerIdentity().arn(),
          options.stateDir, Clock.systemUTC());
      if (!output.printDocument(unlocked, out)) {
        out.println("deleted the queue policy of " + queueUrl + " (kept in " + options.stateDir.resolve("unlocks.json")
            + ")");
        out.flush();
      }
      return ExitCodes.OK;
    } catch (QueryOutput.EvaluationException e) {
      err.println("root unlock-queue: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      return Failures.report("root unlock-queue", e, options.debug, err);
    }
  }

  private static boolean confirmed(PrintWriter err) throws IOException {
    err.print("Delete this queue policy? Type yes: ");
    err.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return "yes".equals(answer == null ? null : answer.trim());
  }
}
