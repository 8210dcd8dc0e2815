package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.PolicyUnlock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

  /** A deleted policy: the record {@code unlocks.json} keeps, and the resource it belonged to. */
  private record Deleted(Object record, String resource) {}

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("root " + spec.name(), options, spec);
    if (!output.queryValid(run.command(), run.err())) {
      return ExitCodes.USAGE;
    }
    if (!yes && System.console() == null) {
      return run.usage("stdin is not a terminal; pass --yes to delete without confirmation");
    }
    return run.run(clients -> unlock(clients, run), deleted -> deleted.ifPresent(d -> print(d, run.out())),
        deleted -> ExitCodes.OK);
  }

  /** Empty when there was nothing to delete or the user said no. */
  private Optional<Deleted> unlock(AwsClients clients, GovernanceRun run) throws IOException {
    PrintWriter err = run.err();
    try (PolicyUnlock unlock = open(clients)) {
      Optional<String> policy = unlock.policy();
      if (policy.isEmpty()) {
        err.println(run.command() + ": " + unlock.resource() + " has no " + kind() + " policy; nothing to delete");
        return Optional.empty();
      }
      err.println(Character.toUpperCase(kind().charAt(0)) + kind().substring(1) + " policy of " + unlock.resource()
          + " (account " + account() + "):");
      err.println(policy.get());
      if (!yes && !confirmed(err)) {
        err.println(run.command() + ": cancelled");
        return Optional.empty();
      }
      String deletedBy = clients.sts().getCallerIdentity().arn();
      return Optional.of(new Deleted(unlock.delete(policy.get(), deletedBy, options.stateDir, options.clock),
          unlock.resource()));
    }
  }

  private void print(Deleted deleted, PrintWriter out) {
    if (!output.printDocument(deleted.record(), out)) {
      out.println("deleted the " + kind() + " policy of " + deleted.resource() + " (kept in "
          + options.stateDir.resolve("unlocks.json") + ")");
      out.flush();
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
