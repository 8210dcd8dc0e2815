package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billinggate.cli.OutputOptions.Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class QueryOutputTest {
  /** Shaped like an audit run: scalars, a list of objects with nested lists and objects, nulls, booleans. */
  static final JsonNode RUN = QueryOutput.tree("""
      {"schemaVersion": 1, "runId": "r-1",
       "accounts": [
         {"accountId": "111", "name": "Alpha", "verdict": "READY", "active": true, "credentials": null,
          "reasons": [], "checks": [{"id": "c1", "status": "PASS"}]},
         {"accountId": "222", "name": "=cmd", "verdict": "BLOCKED", "active": false, "credentials": null,
          "reasons": ["billing OFF", "scp, root"], "checks": [{"id": "c1", "status": "FAIL"}]}]}
      """);

  static Stream<Arguments> cases() {
    return Stream.of(
        // json: the query's result, indented as --output json indents
        Arguments.of("accounts[?verdict=='READY'].accountId", Output.JSON, "[ \"111\" ]\n"),
        Arguments.of("accounts[0].{id: accountId, ok: active}", Output.JSON, "{\n  \"id\" : \"111\",\n  \"ok\" : true\n}\n"),
        Arguments.of("schemaVersion", Output.JSON, "1\n"),
        Arguments.of("nothing", Output.JSON, "null\n"),
        Arguments.of("accounts[?verdict=='ERROR']", Output.JSON, "[ ]\n"),

        // text: the AWS CLI's text output
        Arguments.of("accounts[?verdict=='READY'].accountId", Output.TEXT, "111\n"),
        Arguments.of("accounts[].accountId", Output.TEXT, "111\t222\n"),
        Arguments.of("accounts[].active", Output.TEXT, "True\tFalse\n"),
        Arguments.of("runId", Output.TEXT, "r-1\n"),
        Arguments.of("schemaVersion", Output.TEXT, "1\n"),
        Arguments.of("nothing", Output.TEXT, "None\n"),
        Arguments.of("accounts[?verdict=='ERROR']", Output.TEXT, ""),
        Arguments.of("accounts[].[accountId, verdict]", Output.TEXT, "111\tREADY\n222\tBLOCKED\n"),
        // objects: scalar values in sorted key order, one line each
        Arguments.of("accounts[].{v: verdict, id: accountId}", Output.TEXT, "111\tREADY\n222\tBLOCKED\n"),
        // nested: scalars first, then each list under its upper-cased key
        Arguments.of("accounts[1]", Output.TEXT,
            "222\tFalse\tNone\t=cmd\tBLOCKED\nCHECKS\tc1\tFAIL\nREASONS\tbilling OFF\nREASONS\tscp, root\n"),
        Arguments.of("{ids: accounts[].accountId}", Output.TEXT, "IDS\t111\nIDS\t222\n"),

        // table: Table.render's columns
        Arguments.of("accounts[].{id: accountId, verdict: verdict}", Output.TABLE,
            "id   verdict\n111  READY\n222  BLOCKED\n"),
        Arguments.of("accounts[].{id: accountId, reasons: reasons}", Output.TABLE,
            "id   reasons\n111  []\n222  [\"billing OFF\",\"scp, root\"]\n"),
        Arguments.of("accounts[].accountId", Output.TABLE, "VALUE\n111\n222\n"),
        Arguments.of("{run: runId, accounts: length(accounts)}", Output.TABLE, "KEY       VALUE\nrun       r-1\naccounts  2\n"),
        Arguments.of("runId", Output.TABLE, "r-1\n"),
        Arguments.of("nothing", Output.TABLE, ""),
        Arguments.of("accounts[?verdict=='ERROR']", Output.TABLE, ""),

        // csv: header and rows, quoted and formula-guarded like the audit CSV
        Arguments.of("accounts[].{id: accountId, name: name}", Output.CSV, "id,name\r\n111,Alpha\r\n222,'=cmd\r\n"),
        Arguments.of("accounts[].{id: accountId, reasons: reasons}", Output.CSV,
            "id,reasons\r\n111,[]\r\n222,\"[\"\"billing OFF\"\",\"\"scp, root\"\"]\"\r\n"),
        Arguments.of("accounts[].name", Output.CSV, "VALUE\r\nAlpha\r\n'=cmd\r\n"),
        Arguments.of("{run: runId}", Output.CSV, "KEY,VALUE\r\nrun,r-1\r\n"),
        Arguments.of("schemaVersion", Output.CSV, "1\r\n"),
        Arguments.of("nothing", Output.CSV, ""));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("cases")
  void printsTheQueryResultInTheOutputFormat(String query, Output output, String expected) {
    StringWriter out = new StringWriter();
    QueryOutput.print(RUN, QueryOutput.compile(query), output, new PrintWriter(out));
    String want = output == Output.TABLE ? expected.replace("\n", System.lineSeparator()) : expected;
    assertThat(out.toString()).isEqualTo(want);
  }

  @Test
  void withoutAQueryTheWholeResultIsPrinted() {
    assertThat(QueryOutput.render(RUN, null, Output.JSON)).isEqualTo(QueryOutput.render(RUN, QueryOutput.compile("@"), Output.JSON));
    assertThat(QueryOutput.tree(QueryOutput.render(RUN, null, Output.JSON))).isEqualTo(RUN);
    assertThat(QueryOutput.render(RUN, null, Output.TEXT)).startsWith("r-1\t1\n").contains("ACCOUNTS\t111\tTrue\tNone\tAlpha\tREADY\n");
  }

  @Test
  void aMalformedExpressionIsOneLineNamingTheProblem() {
    assertThatThrownBy(() -> QueryOutput.compile("accounts[?verdict=='READY'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--query: ")
        .hasMessageContaining("missing ']'")
        .hasMessageContaining("position 26")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> QueryOutput.compile("nosuchfunction(accounts)"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown function");
  }

  @Test
  void aQueryThatFailsOnTheResultPrintsNothing() {
    StringWriter out = new StringWriter();
    assertThatThrownBy(() -> QueryOutput.print(RUN, QueryOutput.compile("length(schemaVersion)"), Output.JSON,
        new PrintWriter(out)))
        .isInstanceOf(QueryOutput.EvaluationException.class).hasMessageStartingWith("--query: ");
    assertThat(out.toString()).isEmpty();
  }

  /** Through picocli: the usage error comes before any AWS call (the endpoint does not even listen). */
  @Test
  void theCommandsRefuseAMalformedQueryBeforeCallingAws() {
    record Run(int code, String out, String err) {}
    java.util.function.Function<String[], Run> cli = args -> {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine line = Main.commandLine();
      line.setOut(new PrintWriter(out, true));
      line.setErr(new PrintWriter(err, true));
      return new Run(line.execute(args), out.toString(), err.toString());
    };
    String[] endpoint = {"--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1", "--max-attempts", "1"};
    Run explain = cli.apply(concat(new String[] {"explain", "--principal", "arn:aws:iam::111111111111:user/x",
        "--page", "bills", "--query", "steps[?status=='PASS'"}, endpoint));
    assertThat(explain.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(explain.err()).startsWith("explain: --query: Unable to compile expression").hasLineCount(1);
    assertThat(explain.out()).isEmpty();

    Run plan = cli.apply(concat(new String[] {"root", "plan", "--query", "accounts[?"}, endpoint));
    assertThat(plan.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(plan.err()).startsWith("root plan: --query: ").hasLineCount(1);

    Run recover = cli.apply(concat(new String[] {"root", "recover", "111111111111", "--query", "@"}, endpoint));
    assertThat(recover.code()).isEqualTo(ExitCodes.USAGE);
    // root recover has no --query at all: an unknown option, answered with one usage line.
    assertThat(recover.err()).startsWith("billing-gate root recover: error: Unknown options: '--query'")
        .contains("usage: billing-gate root recover [OPTIONS] ACCOUNT");
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
