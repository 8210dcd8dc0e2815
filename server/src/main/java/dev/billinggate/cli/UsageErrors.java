package dev.billinggate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad command line answered as the AWS CLI answers one: what is wrong, the closest option names, one
 * usage line and where the help is, instead of the whole help text. Exit 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("usage: " + command.getHelp().synopsis(0).strip().replaceFirst("^Usage: ", ""));
    err.println("To see help text, run: " + name + " --help");
    err.flush();
    return ExitCodes.USAGE;
  }
}
