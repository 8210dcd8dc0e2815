package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.store.ReadTx;
import java.io.IOException;

/**
 * AWS refuses a trust policy naming an IAM user or role that does not exist ({@code Invalid
 * principal in policy}), because it stores principals by unique id. The engine checks the grammar;
 * existence is IAM's data, so it is checked here.
 */
final class TrustPrincipals {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrustPrincipals() {}

  /** Call after the engine accepted {@code json}: it is then well-formed. */
  static void requireExisting(ReadTx tx, String json) {
    JsonNode statements;
    try {
      statements = JSON.readTree(json).path("Statement");
    } catch (IOException e) {
      return;
    }
    for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
      JsonNode aws = statement.path("Principal").path("AWS");
      for (JsonNode principal : aws.isArray() ? aws : JSON.createArrayNode().add(aws)) {
        if (principal.isTextual() && !exists(tx, principal.asText())) {
          throw IamError.MALFORMED_POLICY_DOCUMENT.exception("Invalid principal in policy: \"AWS\":\"%s\"",
              principal.asText());
        }
      }
    }
  }

  private static boolean exists(ReadTx tx, String arn) {
    String account = IamArns.account(arn);
    String type = IamArns.resourceType(arn);
    if (account == null || type == null || arn.contains("*")) {
      return true;
    }
    return switch (type) {
      case "user" -> tx.get(IamSchema.USERS, key(account, IamArns.name(arn)))
          .filter(u -> IamArns.user(account, u.path(), u.name()).equals(arn)).isPresent();
      case "role" -> tx.get(IamSchema.ROLES, key(account, IamArns.name(arn)))
          .filter(r -> IamArns.role(account, r.path(), r.name()).equals(arn)).isPresent();
      default -> true;
    };
  }
}
