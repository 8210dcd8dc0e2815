package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.PolicyUnlock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code root unlock-queue} and {@code root unlock-bucket}: show the resource policy that locks
 * everyone out, confirm (or {@code --yes}), delete it through AssumeRoot, record what was deleted.
 */
abstract class RootUnlockCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Option(names = "--yes", description = "Do not ask for confirmation (required when stdin is not a terminal).")
  boolean yes;

  /** {@code queue} or {@code bucket}, for messages. */
  abstract String kind();

  /** Opens the AssumeRoot session for the resource the command names. */
  abstract PolicyUnlock open(AwsClients clients);

  @Override
  public Integer call() throws IOException {
    String name = "root " + spec.name();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!output.queryValid(name, err)) {
      return ExitCodes.USAGE;
    }
    if (!yes && System.console() == null) {
      err.println(name + ": stdin is not a terminal; pass --yes to delete without confirmation");
      return ExitCodes.USAGE;
    }
    try (AwsClients clients = options.clients(); PolicyUnlock unlock = open(clients)) {
      Optional<String> policy = unlock.policy();
      if (policy.isEmpty()) {
        err.println(name + ": " + unlock.resource() + " has no " + kind() + " policy; nothing to delete");
        return ExitCodes.OK;
      }
      err.println(Character.toUpperCase(kind().charAt(0)) + kind().substring(1) + " policy of " + unlock.resource()
          + " (account " + account() + "):");
      err.println(policy.get());
      if (!yes && !confirmed(err)) {
        err.println(name + ": cancelled");
        return ExitCodes.OK;
      }
      Object unlocked = unlock.delete(policy.get(), clients.sts().getCallerIdentity().arn(), options.stateDir,
          Clock.systemUTC());
      if (!output.printDocument(unlocked, out)) {
        out.println("deleted the " + kind() + " policy of " + unlock.resource() + " (kept in "
            + options.stateDir.resolve("unlocks.json") + ")");
        out.flush();
      }
      return ExitCodes.OK;
    } catch (QueryOutput.EvaluationException e) {
      err.println(name + ": " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      return Failures.report(name, e, options.debug, err);
    }
  }

  abstract String account();

  private boolean confirmed(PrintWriter err) throws IOException {
    err.print("Delete this " + kind() + " policy? Type yes: ");
    err.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return "yes".equals(answer == null ? null : answer.trim());
  }
}
