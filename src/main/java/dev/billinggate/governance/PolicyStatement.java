package dev.billinggate.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One statement of an SCP or RCP, read just far enough to answer "does this Deny hit these actions":
 * Effect, Action / NotAction (with * and ? wildcards), and whether its Condition exempts AssumeRoot
 * sessions through {@code aws:AssumedRoot}. Resource and other conditions are not evaluated; a Deny
 * with other conditions is reported as one that may block.
 */
public record PolicyStatement(String policyId, String policyName, String sid, boolean deny, List<String> actions,
    List<String> notActions, boolean hasCondition, boolean exemptsAssumedRoot) {

  static List<PolicyStatement> parse(String policyId, String policyName, JsonNode document) {
    List<PolicyStatement> statements = new ArrayList<>();
    for (JsonNode s : list(document.path("Statement"))) {
      JsonNode condition = s.path("Condition");
      statements.add(new PolicyStatement(policyId, policyName, s.path("Sid").asText(""),
          "Deny".equals(s.path("Effect").asText()), strings(s.path("Action")), strings(s.path("NotAction")),
          !condition.isMissingNode() && condition.size() > 0,
          condition.toString().toLowerCase(Locale.ROOT).contains("aws:assumedroot")));
    }
    return statements;
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> nodes = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(nodes::add);
    } else if (node.isObject()) {
      nodes.add(node);
    }
    return nodes;
  }

  private static List<String> strings(JsonNode node) {
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    return node.isArray() ? toStrings(node) : List.of();
  }

  private static List<String> toStrings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** The actions among {@code needed} this statement denies (ignoring conditions). */
  public List<String> deniedAmong(List<String> needed) {
    if (!deny) {
      return List.of();
    }
    return needed.stream().filter(a -> notActions.isEmpty()
        ? actions.stream().anyMatch(p -> matches(p, a))
        : notActions.stream().noneMatch(p -> matches(p, a))).toList();
  }

  static boolean matches(String pattern, String action) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }

  /** Where to point a reader: the policy and, when it has one, the statement's Sid. */
  public String reference() {
    return policyName + " (" + policyId + ")" + (sid.isEmpty() ? "" : " statement " + sid);
  }
}
