package dev.billinggate.policy.eval;

import dev.billinggate.policy.Principal;
import dev.billinggate.policy.document.PrincipalBlock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code Principal} / {@code NotPrincipal} of a resource-based statement. Matching yields how
 * directly the requester is named, because same-account evaluation depends on it (reference table
 * in docs/policy-engine.md):
 * <ul>
 *   <li>{@link #DIRECT}: the user, session or federated-user ARN itself (or {@code *}): the resource
 *       policy alone allows;
 *   <li>{@link #VIA_ISSUER}: the role ARN for a role session, the IAM user ARN for a federated
 *       session: no identity Allow needed, but boundary and session policies still limit;
 *   <li>{@link #ACCOUNT}: the account ({@code 123456789012} or {@code arn:aws:iam::A:root}):
 *       delegation, the identity side must allow.
 * </ul>
 */
final class PrincipalMatcher {
  static final int NONE = 0;
  static final int ACCOUNT = 1;
  static final int VIA_ISSUER = 2;
  static final int DIRECT = 3;

  private final boolean not;
  private final boolean wildcard;
  private static final String ANY_PARTITION = "*:";
  /** {@code <partition>:<account>}, or {@code *:<account>} for a bare account id. */
  private final Set<String> accounts = new HashSet<>();
  /** User, role, session, federated and other ARNs and ids, compared exactly. */
  private final Set<String> arns = new HashSet<>();
  private final Set<String> services = new HashSet<>();

  PrincipalMatcher(PrincipalBlock block, boolean not) {
    this.not = not;
    this.wildcard = block.isWildcard();
    block.byType().forEach((type, ids) -> add(type, ids));
  }

  private void add(String type, List<String> ids) {
    for (String id : ids) {
      switch (type) {
        case "AWS" -> {
          String account = accountOf(id);
          if (account != null) {
            // "123456789012" names the account in any partition; "arn:aws:iam::123456789012:root" only in aws.
            accounts.add(id.startsWith("arn:") ? id.split(":", 3)[1] + ":" + account : ANY_PARTITION + account);
          } else {
            arns.add(id);
          }
        }
        case "Service" -> services.add(id);
        default -> arns.add(id);
      }
    }
  }

  /** The account a principal entry names as a whole, or null when it names something narrower. */
  private static String accountOf(String id) {
    if (id.length() == 12 && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return id;
    }
    if (id.startsWith("arn:") && id.endsWith(":root")) {
      String[] parts = id.split(":", 6);
      if (parts.length == 6 && parts[2].equals("iam") && parts[5].equals("root")) {
        return parts[4];
      }
    }
    return null;
  }

  private boolean namesAccount(Principal p) {
    if (p.accountId() == null) {
      return false;
    }
    String partition = p.arn() == null || !p.arn().startsWith("arn:") ? "aws" : p.arn().split(":", 3)[1];
    return accounts.contains(ANY_PARTITION + p.accountId()) || accounts.contains(partition + ":" + p.accountId());
  }

  /** How directly the statement names {@code p}; {@link #NONE} when the statement does not apply. */
  int grant(Principal p) {
    if (not) {
      return excluded(p) ? NONE : DIRECT;
    }
    if (wildcard) {
      return DIRECT;
    }
    return switch (p.kind()) {
      case SERVICE -> services.contains(p.arn()) ? DIRECT : NONE;
      case ANONYMOUS -> NONE;
      default -> {
        if (p.arn() != null && arns.contains(p.arn())) {
          yield DIRECT;
        }
        if (p.issuerArn() != null && arns.contains(p.issuerArn())) {
          yield VIA_ISSUER;
        }
        yield namesAccount(p) ? ACCOUNT : NONE;
      }
    };
  }

  /**
   * NotPrincipal excludes a principal only when every form AWS may check is listed: the account,
   * and the user, or the role and its session (AWS "might validate the account first, then the
   * role").
   */
  private boolean excluded(Principal p) {
    if (wildcard) {
      return true;
    }
    boolean account = namesAccount(p);
    boolean self = p.arn() != null && arns.contains(p.arn());
    return switch (p.kind()) {
      case SERVICE -> services.contains(p.arn());
      case ANONYMOUS -> false;
      case ROOT, ASSUMED_ROOT -> account;
      case IAM_USER, FEDERATED_USER -> account && self;
      case FEDERATED_IDENTITY -> self;
      case ROLE_SESSION, SERVICE_LINKED_ROLE_SESSION -> account && self && arns.contains(p.issuerArn());
    };
  }
}
