package dev.billinggate.service.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.auth.Caller;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.StatementRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The encoded authorization message of a denial, as STS DecodeAuthorizationMessage returns it. The
 * gateway encodes the denial context; AWS encrypts these, here they are base64url of the decoded
 * JSON (the emulator has no secret to protect, and the shape is what clients parse).
 */
public final class AuthorizationMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuthorizationMessages() {}

  /** The encoded message for a denied request. */
  public static String encode(Caller caller, String action, String resource, Explanation explanation,
      Map<String, List<String>> context) {
    ObjectNode root = JSON.createObjectNode();
    root.put("allowed", explanation.decision() == Decision.ALLOW);
    root.put("explicitDeny", explanation.decision() == Decision.EXPLICIT_DENY);
    ArrayNode statements = root.putObject("matchedStatements").putArray("items");
    for (StatementRef ref : explanation.deciding()) {
      ObjectNode statement = statements.addObject();
      statement.put("statementId", ref.sid() == null ? "" : ref.sid());
      statement.put("effect", explanation.decision() == Decision.EXPLICIT_DENY ? "DENY" : "ALLOW");
      statement.put("sourcePolicyId", ref.policyId());
      statement.put("sourcePolicyType", ref.type().name());
    }
    root.putObject("failures").putArray("items");
    ObjectNode ctx = root.putObject("context");
    ObjectNode principal = ctx.putObject("principal");
    principal.put("id", caller.userId());
    if (caller.principalName() != null) {
      principal.put("name", caller.principalName());
    }
    principal.put("arn", caller.arn());
    ctx.put("action", action);
    ctx.put("resource", resource);
    ArrayNode conditions = ctx.putObject("conditions").putArray("items");
    new TreeMap<>(context).forEach((key, values) -> {
      ObjectNode item = conditions.addObject();
      item.put("key", key);
      ArrayNode items = item.putObject("values").putArray("items");
      values.forEach(v -> items.addObject().put("value", v));
    });
    return Base64.getUrlEncoder().withoutPadding().encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The decoded JSON, or InvalidAuthorizationMessageException for anything this class did not encode. */
  public static String decode(String encoded) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      if (!JSON.readTree(json).has("context")) {
        throw invalid();
      }
      return json;
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
  }

  private static RuntimeException invalid() {
    return StsError.INVALID_AUTHORIZATION_MESSAGE.exception("The encoded authorization message is invalid.");
  }
}
