package dev.billinggate.policy.document;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.billinggate.policy.PolicyException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON text → {@link PolicyDocument}. Rejects what IAM rejects as "Syntax errors in policy."
 * (non-JSON, duplicate or unknown keys, wrong JSON types, both elements of a pair); a mis-cased
 * Effect is noted for {@link PolicyValidator}, where the kind-specific rules live.
 */
public final class PolicyParser {
  /** A policy nests at most 5 deep (Statement[] → {} → Condition → operator → values); allow slack. */
  private static final int MAX_DEPTH = 16;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(64).build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> TOP_KEYS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_KEYS =
      Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

  private PolicyParser() {}

  public static PolicyDocument parse(String json) {
    return parse(json, Messages.SYNTAX);
  }

  /** {@code notJson} is the message for text that is not JSON at all (trust policies word it differently). */
  public static PolicyDocument parse(String json, String notJson) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new PolicyException(PolicyException.Reason.MALFORMED, notJson);
    }
    if (root == null || !root.isObject()) {
      throw syntax();
    }
    requireKnownKeys(root, TOP_KEYS);
    String version = optionalText(root, "Version");
    if (version != null && !version.equals(PolicyDocument.V2012) && !version.equals(PolicyDocument.V2008)) {
      throw syntax();
    }
    String id = optionalText(root, "Id");
    JsonNode statementNode = root.get("Statement");
    if (statementNode == null) {
      throw syntax();
    }
    List<Statement> statements = new ArrayList<>();
    boolean[] miscasedEffect = {false};
    if (statementNode.isObject()) {
      statements.add(statement(statementNode, miscasedEffect));
    } else if (statementNode.isArray() && !statementNode.isEmpty()) {
      for (JsonNode s : statementNode) {
        if (!s.isObject()) {
          throw syntax();
        }
        statements.add(statement(s, miscasedEffect));
      }
    } else {
      throw syntax();
    }
    return new PolicyDocument(version, id, statements, miscasedEffect[0]);
  }

  private static Statement statement(JsonNode node, boolean[] miscasedEffect) {
    requireKnownKeys(node, STATEMENT_KEYS);
    requireAtMostOne(node, "Principal", "NotPrincipal");
    requireAtMostOne(node, "Action", "NotAction");
    requireAtMostOne(node, "Resource", "NotResource");
    return new Statement(
        optionalText(node, "Sid"),
        effect(node.get("Effect"), miscasedEffect),
        principal(node.get("Principal")),
        principal(node.get("NotPrincipal")),
        stringList(node.get("Action")),
        stringList(node.get("NotAction")),
        stringList(node.get("Resource")),
        stringList(node.get("NotResource")),
        condition(node.get("Condition")));
  }

  /** A mis-cased Effect is a legacy-parsing failure, which AWS reports only after the version check. */
  private static Effect effect(JsonNode node, boolean[] miscased) {
    if (node == null || !node.isTextual()) {
      throw syntax();
    }
    for (Effect e : Effect.values()) {
      if (e.json().equalsIgnoreCase(node.textValue())) {
        miscased[0] |= !e.json().equals(node.textValue());
        return e;
      }
    }
    throw syntax();
  }

  private static PrincipalBlock principal(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual() && node.textValue().equals("*")) {
      return PrincipalBlock.anyone();
    }
    if (!node.isObject() || node.isEmpty()) {
      throw syntax();
    }
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!PrincipalBlock.TYPES.contains(e.getKey())) {
        throw syntax();
      }
      byType.put(e.getKey(), stringList(e.getValue()));
    }
    return new PrincipalBlock(false, byType);
  }

  private static List<ConditionEntry> condition(JsonNode node) {
    if (node == null) {
      return List.of();
    }
    if (!node.isObject()) {
      throw syntax();
    }
    List<ConditionEntry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
      Map.Entry<String, JsonNode> op = ops.next();
      if (!op.getValue().isObject()) {
        throw syntax();
      }
      for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> key = keys.next();
        entries.add(new ConditionEntry(op.getKey(), key.getKey(), stringList(key.getValue())));
      }
    }
    return entries;
  }

  /** A string or array of scalars; JSON numbers and booleans count as their text (as AWS accepts). */
  private static List<String> stringList(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (isScalar(node)) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw syntax();
    }
    List<String> out = new ArrayList<>(node.size());
    for (JsonNode v : node) {
      if (!isScalar(v)) {
        throw syntax();
      }
      out.add(v.asText());
    }
    return out;
  }

  private static boolean isScalar(JsonNode node) {
    return node.isTextual() || node.isNumber() || node.isBoolean();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw syntax();
    }
    return v.textValue();
  }

  private static void requireKnownKeys(JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      if (!allowed.contains(it.next())) {
        throw syntax();
      }
    }
  }

  private static void requireAtMostOne(JsonNode node, String a, String b) {
    if (node.has(a) && node.has(b)) {
      throw syntax();
    }
  }

  private static PolicyException syntax() {
    return new PolicyException(PolicyException.Reason.MALFORMED, Messages.SYNTAX);
  }
}
