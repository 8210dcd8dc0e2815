package dev.billinggate.policy.document;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@link PolicyDocument} → canonical JSON: fixed element order, value lists always as arrays, no
 * whitespace. {@code parse(print(d))} equals {@code d}.
 */
public final class PolicyPrinter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PolicyPrinter() {}

  public static String print(PolicyDocument doc) {
    ObjectNode root = F.objectNode();
    if (doc.version() != null) {
      root.put("Version", doc.version());
    }
    if (doc.id() != null) {
      root.put("Id", doc.id());
    }
    ArrayNode statements = root.putArray("Statement");
    doc.statements().forEach(s -> statements.add(statement(s)));
    return root.toString();
  }

  private static ObjectNode statement(Statement s) {
    ObjectNode n = F.objectNode();
    if (s.sid() != null) {
      n.put("Sid", s.sid());
    }
    n.put("Effect", s.effect().json());
    principal(n, "Principal", s.principal());
    principal(n, "NotPrincipal", s.notPrincipal());
    list(n, "Action", s.action());
    list(n, "NotAction", s.notAction());
    list(n, "Resource", s.resource());
    list(n, "NotResource", s.notResource());
    if (!s.condition().isEmpty()) {
      ObjectNode condition = n.putObject("Condition");
      for (ConditionEntry e : s.condition()) {
        ObjectNode op = condition.has(e.operator()) ? (ObjectNode) condition.get(e.operator()) : condition.putObject(e.operator());
        list(op, e.key(), e.values());
      }
    }
    return n;
  }

  private static void principal(ObjectNode n, String field, PrincipalBlock p) {
    if (p == null) {
      return;
    }
    if (p.any()) {
      n.put(field, "*");
      return;
    }
    ObjectNode o = n.putObject(field);
    p.byType().forEach((type, ids) -> list(o, type, ids));
  }

  private static void list(ObjectNode n, String field, List<String> values) {
    if (values != null) {
      ArrayNode a = n.putArray(field);
      values.forEach(a::add);
    }
  }
}
