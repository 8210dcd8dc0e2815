package dev.billinggate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billinggate.governance.AuditReports;
import io.burt.jmespath.Expression;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How a command with a result prints it: {@code --output} and {@code --query} (a picocli mixin). */
final class OutputOptions {
  enum Output { TABLE, JSON, TEXT, CSV }

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", description = "table, json, text or csv (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(names = "--query", paramLabel = "EXPRESSION",
      description = "A JMESPath query to use in filtering the response data (the document --output json prints); the result is printed in --output's format.")
  String query;

  /** {@code --query} compiled by {@link #queryValid}; null without {@code --query}. */
  private Expression<JsonNode> compiledQuery;

  /** Parses {@code --query} before any AWS call: a malformed expression is a usage error, said in one line. */
  boolean queryValid(String command, PrintWriter err) {
    if (query == null) {
      return true;
    }
    try {
      compiledQuery = QueryOutput.compile(query);
      return true;
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return false;
    }
  }

  /** The expression {@link #queryValid} compiled; null without {@code --query}. */
  Expression<JsonNode> query() {
    return compiledQuery;
  }

  /**
   * With {@code --query}: prints {@code result}'s JSON document (exactly what {@code --output json} prints)
   * through the query, in {@code --output}'s format, and returns true. Without it, {@code --output json}
   * prints the document and returns true; otherwise returns false: the command prints its own view.
   *
   * @throws QueryOutput.EvaluationException the query failed on this result
   */
  boolean printDocument(Object result, PrintWriter out) {
    if (query == null && output != Output.JSON) {
      return false;
    }
    if (query == null) {
      out.print(AuditReports.toJson(result));
    } else {
      if (compiledQuery == null) {
        compiledQuery = QueryOutput.compile(query);
      }
      QueryOutput.print(QueryOutput.tree(AuditReports.toJson(result)), compiledQuery, output, out);
    }
    out.flush();
    return true;
  }
}
