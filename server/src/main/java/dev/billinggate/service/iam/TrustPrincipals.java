package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.policy.document.PrincipalBlock;
import dev.billinggate.policy.document.Statement;
import dev.billinggate.store.ReadTx;
import java.util.List;

/**
 * AWS refuses a trust policy naming an IAM user or role that does not exist ({@code Invalid
 * principal in policy}), because it stores principals by unique id. The engine checks the grammar;
 * existence is IAM's data, so it is checked here.
 */
final class TrustPrincipals {
  private TrustPrincipals() {}

  /** Call after the engine accepted {@code json}. */
  static void requireExisting(ReadTx tx, String json) {
    for (Statement statement : PolicyDocuments.parse(json).statements()) {
      for (PrincipalBlock block : new PrincipalBlock[] {statement.principal(), statement.notPrincipal()}) {
        List<String> aws = block == null ? List.of() : block.byType().getOrDefault("AWS", List.of());
        for (String principal : aws) {
          if (!exists(tx, principal)) {
            throw IamError.MALFORMED_POLICY_DOCUMENT.exception("Invalid principal in policy: \"AWS\":\"%s\"",
                principal);
          }
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
