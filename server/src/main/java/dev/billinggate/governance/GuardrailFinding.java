package dev.billinggate.governance;

import dev.billinggate.policy.PolicyType;
import java.util.List;

/**
 * One reason an SCP or RCP blocks, or may block, some actions.
 *
 * @param statement the statement's label ({@code name (id) statement Sid}); for NO_ALLOW empty, for
 *     UNREADABLE the policy's label and the engine's message
 * @param levels the root, OU or account ids involved
 * @param unknownKeys condition keys that cannot be known before the request
 */
public record GuardrailFinding(Kind kind, PolicyType type, String statement, List<String> levels,
    List<String> unknownKeys) {

  public enum Kind {
    /** A Deny that applies whatever the unknown keys are. */
    DENY,
    /** A level with no Allow at all for the action. */
    NO_ALLOW,
    /** A Deny that applies or not depending on unknown keys. */
    MAY_DENY,
    /** A level whose only Allows for the action depend on unknown keys. */
    CONDITIONAL_ALLOW,
    /** A policy the engine could not read. */
    UNREADABLE
  }

  public GuardrailFinding {
    levels = List.copyOf(levels);
    unknownKeys = List.copyOf(unknownKeys);
  }

  public boolean blocks() {
    return kind == Kind.DENY || kind == Kind.NO_ALLOW;
  }

  String describe(List<String> actions) {
    String where = String.join(", ", levels);
    String keys = String.join(", ", unknownKeys);
    return switch (kind) {
      case DENY -> statement + " at " + where + " denies " + actions;
      case NO_ALLOW -> "no " + abbreviation() + " at " + where + " allows " + actions;
      case MAY_DENY -> statement + " at " + where + " may deny " + actions + " (its condition tests " + keys
          + ", unknown before the request)";
      case CONDITIONAL_ALLOW -> "the only " + abbreviation() + " Allow at " + where + " for " + actions
          + " depends on " + keys + " (" + statement + ")";
      case UNREADABLE -> statement + " at " + where + " could not be evaluated, so " + actions + " may be denied";
    };
  }

  String abbreviation() {
    return type == PolicyType.RESOURCE_CONTROL ? "RCP" : "SCP";
  }
}
