package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The skeleton every governance command's {@code call()} shares, so a command says only what is its
 * own: its work with the AWS clients, how it prints the result and which exit code the result earns.
 * Around them: a failure that stops the work exits with {@link Failures}' code, a usage error found
 * on the way (or a {@code --query} that cannot be evaluated) exits 2, and every message to stderr
 * starts with the command's name.
 */
final class GovernanceRun {
  /** The command's work with the clients; its result is printed after the clients are closed. */
  interface Work<R> {
    R run(AwsClients clients) throws IOException;
  }

  interface Printer<R> {
    void print(R result) throws IOException;
  }

  /** A usage error that only shows once the work has started: exit 2 with this message. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  private final String command;
  private final GovernanceOptions options;
  private final PrintWriter out;
  private final PrintWriter err;
  private List<Class<? extends RuntimeException>> usageErrors = List.of();

  GovernanceRun(String command, GovernanceOptions options, CommandSpec spec) {
    this.command = command;
    this.options = options;
    this.out = spec.commandLine().getOut();
    this.err = spec.commandLine().getErr();
  }

  String command() {
    return command;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /** Failures of these types in the work mean the arguments were wrong (a bad plan file, an unknown principal). */
  @SafeVarargs
  final GovernanceRun usageErrors(Class<? extends RuntimeException>... types) {
    this.usageErrors = List.of(types);
    return this;
  }

  /** Says what is wrong with the arguments; returns the usage exit code. */
  int usage(String message) {
    err.println(command + ": " + message);
    return ExitCodes.USAGE;
  }

  <R> int run(Work<R> work, Printer<R> printer, ToIntFunction<R> exitCode) throws IOException {
    R result;
    try (AwsClients clients = options.clients()) {
      result = work.run(clients);
    } catch (UsageError | QueryOutput.EvaluationException e) {
      return usage(e.getMessage());
    } catch (RuntimeException e) {
      if (usageErrors.stream().anyMatch(type -> type.isInstance(e))) {
        return usage(e.getMessage());
      }
      return Failures.report(command, e, options.debug, err);
    }
    try {
      printer.print(result);
    } catch (QueryOutput.EvaluationException e) {
      return usage(e.getMessage());
    }
    return exitCode.applyAsInt(result);
  }
}
