package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SdkCalls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Replays AWS's recorded answers (src/test/resources/aws-recorded/*.json) through the SDK v2:
 * each case names the recording it was written from, then runs its steps in order against one
 * in-memory emulator, checking status, error code and message, and response members.
 *
 * <p>Case format: {@code {"source": file, "cases": [{"name", "snapshot", "steps": [{"call":
 * "iam:CreateUser", "request": {...}, "recorded": key, "status": 200, "error": {"code",
 * "message"}, "response": {"Path.To[0].Member": expected}, "save": {"var": "Path"}}]}]}}.
 * {@code ${var}} in any string is a name unique to the case (or a value saved by an earlier
 * step; {@code ${account}} is the account). Expected values: a JSON value compared exactly,
 * {@code "*"} present, {@code "~regex"} matched, {@code null} absent, {@code "#n"} a list of n;
 * an error message {@code "<none>"} means AWS sends none.
 */
@BillingGateTest
class AwsRecordedAnswersTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)}");
  /** AWS sends some errors with a code only. */
  private static final String NO_MESSAGE = "<none>";
  private static final Pattern PATH_PART = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");

  record RecordedFile(String source, List<Case> cases) {}

  record Case(String name, String snapshot, String comment, List<Step> steps) {}

  record Step(String call, String comment, JsonNode request, String recorded, Integer status, Failure error,
      Map<String, JsonNode> response, Map<String, String> save) {}

  record Failure(String code, String message) {}

  static BillingGateHandle emulator;
  static Map<String, Object> clients;

  @BeforeAll
  static void start() {
    clients = Map.of(
        "iam", emulator.iam(ADMIN),
        "sts", emulator.sts(ADMIN),
        "organizations", emulator.organizations(ADMIN));
  }

  @TestFactory
  Stream<DynamicNode> recordedAnswers() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/aws-recorded").toURI());
    List<DynamicNode> files = new ArrayList<>();
    int[] sequence = {0};
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path p : paths.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        RecordedFile file;
        try (InputStream in = Files.newInputStream(p)) {
          file = JSON.readValue(in, RecordedFile.class);
        }
        List<DynamicNode> tests = new ArrayList<>();
        for (Case c : file.cases()) {
          String prefix = "r" + (++sequence[0]);
          tests.add(DynamicTest.dynamicTest(c.name() + " [" + c.snapshot() + "]", () -> run(c, prefix)));
        }
        files.add(DynamicContainer.dynamicContainer(p.getFileName() + " ← " + file.source(), tests));
      }
    }
    return files.stream();
  }

  private void run(Case c, String prefix) {
    Map<String, String> variables = new HashMap<>();
    variables.put("account", ACCOUNT);
    for (Step step : c.steps()) {
      String[] call = step.call().split(":", 2);
      Object client = clients.get(call[0]);
      assertThat(client).as("client for " + step.call()).isNotNull();
      JsonNode request = substitute(step.request() == null ? JSON.createObjectNode() : step.request(), variables, prefix);
      String label = step.call() + (step.recorded() == null ? "" : " (" + step.recorded() + ")");
      SdkResponse response;
      try {
        response = SdkCalls.call(client, call[1], request);
      } catch (AwsServiceException e) {
        assertThat(step.error()).as(label + " failed unexpectedly: " + e.awsErrorDetails().errorCode() + " "
            + e.awsErrorDetails().errorMessage()).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(label + " code").isEqualTo(step.error().code());
        if (NO_MESSAGE.equals(step.error().message())) {
          assertThat(e.awsErrorDetails().errorMessage()).as(label + " message").isNull();
        } else if (step.error().message() != null) {
          assertThat(e.awsErrorDetails().errorMessage()).as(label + " message")
              .isEqualTo(text(step.error().message(), variables, prefix));
        }
        if (step.status() != null) {
          assertThat(e.statusCode()).as(label + " status").isEqualTo(step.status());
        }
        continue;
      }
      assertThat(step.error()).as(label + " should have failed").isNull();
      if (step.status() != null) {
        assertThat(response.sdkHttpResponse().statusCode()).as(label + " status").isEqualTo(step.status());
      }
      JsonNode body = SdkCalls.toJson(response);
      if (step.response() != null) {
        step.response().forEach((path, expected) ->
            check(label + " " + path, at(body, path), substitute(expected, variables, prefix)));
      }
      if (step.save() != null) {
        step.save().forEach((name, path) -> {
          JsonNode value = at(body, path);
          assertThat(value).as(label + " " + path + " to save").isNotNull();
          variables.put(name, value.asText());
        });
      }
    }
  }

  private static void check(String label, JsonNode actual, JsonNode expected) {
    if (expected == null || expected.isNull()) {
      assertThat(actual).as(label + " absent").isNull();
      return;
    }
    assertThat(actual).as(label + " present").isNotNull();
    if (expected.isTextual()) {
      String want = expected.textValue();
      if (want.equals("*")) {
        return;
      }
      if (want.startsWith("~")) {
        assertThat(actual.asText()).as(label).matches(want.substring(1));
        return;
      }
      if (want.startsWith("#") && actual.isArray()) {
        assertThat(actual.size()).as(label + " size").isEqualTo(Integer.parseInt(want.substring(1)));
        return;
      }
      assertThat(actual.asText()).as(label).isEqualTo(want);
      return;
    }
    assertThat(actual).as(label).isEqualTo(expected);
  }

  /** {@code A.B[0].C}: members by AWS name, list items by index; null when absent. */
  private static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      Matcher m = PATH_PART.matcher(part);
      if (!m.matches() || node == null) {
        return null;
      }
      node = node.get(m.group(1));
      for (String index : m.group(2).isEmpty() ? new String[0] : m.group(2).substring(1).split("]\\[|]")) {
        if (node == null || index.isEmpty()) {
          continue;
        }
        node = node.get(Integer.parseInt(index));
      }
    }
    return node;
  }

  private static JsonNode substitute(JsonNode node, Map<String, String> variables, String prefix) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(text(node.textValue(), variables, prefix));
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), substitute(e.getValue(), variables, prefix)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(item -> copy.add(substitute(item, variables, prefix)));
      return copy;
    }
    return node;
  }

  private static String text(String template, Map<String, String> variables, String prefix) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.computeIfAbsent(m.group(1), name -> prefix + "-" + name);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
