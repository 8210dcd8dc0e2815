package dev.billinggate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.billinggate.governance.Csv;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --query}: a JMESPath expression applied to a command's JSON result (the document
 * {@code --output json} prints), the outcome printed in {@code --output}'s format, as the AWS CLI does.
 *
 * <p>Usage, from any command (the result may as well be read from a report file):
 * <pre>{@code
 * Expression<JsonNode> query = QueryOutput.compile("accounts[?verdict=='READY'].accountId"); // before any AWS call
 * JsonNode result = QueryOutput.tree(AuditReports.toJson(run));    // or new ObjectMapper().readTree(file)
 * QueryOutput.print(result, query, Output.TEXT, out);
 * }</pre>
 *
 * <p>{@link #compile} throws {@link IllegalArgumentException} for a malformed expression (a usage error);
 * {@link #print} throws {@link EvaluationException} when a well-formed expression fails on this result
 * (a function given the wrong type, e.g. {@code length(schemaVersion)}), and then prints nothing.
 * A null query prints the whole result.
 *
 * <p>Formats of the query's result:
 * <ul>
 *   <li>json: indented JSON, {@code null} included;
 *   <li>text: the AWS CLI's text output: a scalar as is (null {@code None}, booleans {@code True}/{@code False});
 *     a list of scalars on one tab-separated line; an object's scalar values (keys sorted) on one line, then its
 *     lists and objects, their rows prefixed with the upper-cased key; a list of objects one line each, columns the
 *     sorted scalar keys of all of them;
 *   <li>table: list of objects → one column per key (in order of first appearance); list of other values → one
 *     VALUE column; object → KEY/VALUE rows; scalar → the value; nested lists and objects are compact JSON;
 *   <li>csv: the same rows as table, with a header line, quoted and formula-guarded like the audit CSV.
 * </ul>
 * An empty list or null prints nothing in text (AWS prints {@code None} for null), table and csv.
 */
final class QueryOutput {
  private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  /** A well-formed expression that failed on the result it was applied to. */
  static final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private QueryOutput() {}

  /**
   * Parses {@code --query} up front, so that a typo costs no AWS call.
   *
   * @throws IllegalArgumentException one line naming the problem and its position
   */
  static Expression<JsonNode> compile(String expression) {
    try {
      return JMESPATH.compile(expression);
    } catch (JmesPathException e) {
      throw new IllegalArgumentException("--query: " + oneLine(e.getMessage()), e);
    }
  }

  /** A command's {@code --output json} text as a tree, to query. */
  static JsonNode tree(String json) {
    try {
      return COMPACT.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON document spooled to a file (the streamed audit) as a tree, to query. */
  static JsonNode tree(Path json) {
    try {
      return COMPACT.readTree(json.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints {@code query} applied to {@code result} (the whole result when {@code query} is null) in
   * {@code output}'s format.
   *
   * @throws EvaluationException the expression failed on this result; nothing was printed
   */
  static void print(JsonNode result, Expression<JsonNode> query, OutputOptions.Output output, PrintWriter out) {
    out.print(render(result, query, output));
    out.flush();
  }

  static String render(JsonNode result, Expression<JsonNode> query, OutputOptions.Output output) {
    JsonNode value = result;
    if (query != null) {
      try {
        value = query.search(result);
      } catch (JmesPathException e) {
        throw new EvaluationException("--query: " + oneLine(e.getMessage()), e);
      }
    }
    if (value == null || value.isMissingNode()) {
      value = COMPACT.nullNode();
    }
    return switch (output) {
      case JSON -> json(value);
      case TEXT -> text(value);
      case TABLE -> table(value);
      case CSV -> csv(value);
    };
  }

  private static String json(JsonNode value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- text: the AWS CLI's awscli/text.py, in Java ----------------------------------------------------

  private static String text(JsonNode value) {
    StringBuilder out = new StringBuilder();
    text(value, null, null, out);
    return out.toString();
  }

  private static void text(JsonNode item, String identifier, List<String> scalarKeys, StringBuilder out) {
    if (item.isObject()) {
      textObject(item, identifier, scalarKeys, out);
    } else if (item.isArray()) {
      textList(item, identifier, out);
    } else {
      out.append(pyScalar(item)).append('\n');
    }
  }

  private static void textList(JsonNode list, String identifier, StringBuilder out) {
    if (list.isEmpty()) {
      return;
    }
    boolean anyObject = false;
    boolean anyList = false;
    for (JsonNode e : list) {
      anyObject |= e.isObject();
      anyList |= e.isArray();
    }
    if (anyObject) {
      // Every row gets the same columns: the scalar keys of all the objects, sorted.
      Set<String> keys = new TreeSet<>();
      for (JsonNode e : list) {
        e.fields().forEachRemaining(f -> {
          if (!f.getValue().isContainerNode()) {
            keys.add(f.getKey());
          }
        });
      }
      List<String> columns = List.copyOf(keys);
      list.forEach(e -> text(e, identifier, columns, out));
    } else if (anyList) {
      List<JsonNode> scalars = new ArrayList<>();
      List<JsonNode> nested = new ArrayList<>();
      list.forEach(e -> (e.isContainerNode() ? nested : scalars).add(e));
      if (!scalars.isEmpty()) {
        textScalars(scalars, identifier, out);
      }
      nested.forEach(e -> text(e, identifier, null, out));
    } else {
      List<JsonNode> scalars = new ArrayList<>();
      list.forEach(scalars::add);
      textScalars(scalars, identifier, out);
    }
  }

  private static void textScalars(List<JsonNode> scalars, String identifier, StringBuilder out) {
    if (identifier != null) {
      scalars.forEach(s -> out.append(identifier.toUpperCase(Locale.ROOT)).append('\t')
          .append(pyScalar(s)).append('\n'));
    } else {
      out.append(String.join("\t", scalars.stream().map(QueryOutput::pyScalar).toList())).append('\n');
    }
  }

  private static void textObject(JsonNode object, String identifier, List<String> scalarKeys, StringBuilder out) {
    List<String> scalars = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
    if (scalarKeys == null) {
      for (String key : new TreeSet<>(fieldNames(object))) {
        JsonNode v = object.get(key);
        if (v.isContainerNode()) {
          nested.add(Map.entry(key, v));
        } else {
          scalars.add(pyScalar(v));
        }
      }
    } else {
      // A column the object lacks is None, as in the AWS CLI.
      scalarKeys.forEach(k -> scalars.add(pyScalar(object.get(k))));
      for (String key : new TreeSet<>(fieldNames(object))) {
        if (!scalarKeys.contains(key)) {
          nested.add(Map.entry(key, object.get(key)));
        }
      }
    }
    if (!scalars.isEmpty()) {
      if (identifier != null) {
        scalars.add(0, identifier.toUpperCase(Locale.ROOT));
      }
      out.append(String.join("\t", scalars)).append('\n');
    }
    nested.forEach(e -> text(e.getValue(), e.getKey(), null, out));
  }

  /** Python's {@code str()} of a JSON scalar, which is what the AWS CLI's text output prints. */
  private static String pyScalar(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "None";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "True" : "False";
    }
    return v.isContainerNode() ? compact(v) : v.asText();
  }

  // ---- table and csv: the same rows, rendered by Table and Csv ------------------------------------------

  /** Header and rows of a value, or null when there is nothing to show. */
  private record Rows(List<String> header, List<List<String>> rows) {}

  private static Rows rows(JsonNode value) {
    if (value.isNull() || (value.isArray() && value.isEmpty())) {
      return null;
    }
    if (value.isArray()) {
      boolean objects = true;
      for (JsonNode e : value) {
        objects &= e.isObject();
      }
      List<List<String>> rows = new ArrayList<>();
      if (objects) {
        Set<String> keys = new LinkedHashSet<>();
        value.forEach(e -> keys.addAll(fieldNames(e)));
        if (keys.isEmpty()) {
          return null;
        }
        for (JsonNode e : value) {
          rows.add(keys.stream().map(k -> cell(e.get(k))).toList());
        }
        return new Rows(List.copyOf(keys), rows);
      }
      value.forEach(e -> rows.add(List.of(cell(e))));
      return new Rows(List.of("VALUE"), rows);
    }
    if (value.isObject()) {
      List<List<String>> rows = new ArrayList<>();
      value.fields().forEachRemaining(f -> rows.add(List.of(f.getKey(), cell(f.getValue()))));
      return rows.isEmpty() ? null : new Rows(List.of("KEY", "VALUE"), rows);
    }
    return new Rows(null, List.of(List.of(cell(value))));
  }

  private static String table(JsonNode value) {
    Rows rows = rows(value);
    if (rows == null) {
      return "";
    }
    if (rows.header() == null) {
      return rows.rows().get(0).get(0) + System.lineSeparator();
    }
    Table table = new Table(rows.header().toArray(String[]::new));
    rows.rows().forEach(r -> table.row(r.toArray(String[]::new)));
    return table.render();
  }

  private static String csv(JsonNode value) {
    Rows rows = rows(value);
    if (rows == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    if (rows.header() != null) {
      out.append(Csv.line(rows.header()));
    }
    rows.rows().forEach(r -> out.append(Csv.line(r)));
    return out.toString();
  }

  /** A table or CSV cell: strings as is, other scalars as JSON, missing or null empty, nesting as compact JSON. */
  private static String cell(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    return v.isContainerNode() ? compact(v) : v.asText();
  }

  private static String compact(JsonNode v) {
    try {
      return COMPACT.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> i = object.fieldNames(); i.hasNext(); ) {
      names.add(i.next());
    }
    return names;
  }

  private static String oneLine(String message) {
    return message == null ? "invalid expression" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
