package dev.billinggate.governance;

import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.policy.StatementRef;
import dev.billinggate.policy.document.ConditionEntry;
import dev.billinggate.policy.document.Effect;
import dev.billinggate.policy.document.PolicyDocument;
import dev.billinggate.policy.document.PolicyParser;
import dev.billinggate.policy.document.PolicyPrinter;
import dev.billinggate.policy.document.Statement;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * One SCP or RCP split for a request whose context is only partly known ({@link KnownContext.Domain}):
 * its Allow and its Deny statements, each in two forms the engine evaluates.
 *
 * <ul>
 *   <li><b>sure</b>: only the statements whose conditions test known keys alone; whatever the unknown
 *       keys turn out to be, these apply exactly when the engine says so.
 *   <li><b>maybe</b>: every statement, with the condition entries on unknown keys dropped; a statement
 *       that does not apply in this form cannot apply whatever the unknown keys are (entries AND).
 * </ul>
 *
 * Each form is compiled under the policy's own id, so the engine's {@link StatementRef}s name it;
 * {@link #statement} maps their indexes back to the document's statements.
 */
public final class BoundedPolicy {
  static final PolicyEngine ENGINE = new DefaultPolicyEngine();

  /** One compiled form and, by the form's statement index, the original statements. */
  record Part(Policy policy, List<StatementInfo> statements) {}

  /**
   * A statement of the original document, for reports.
   *
   * @param number its 1-based position in the document, which names it when it has no Sid
   */
  record StatementInfo(OrgPolicy policy, String sid, int number, List<String> unknownKeys) {
    String label() {
      return policy.label() + " statement " + (sid == null || sid.isEmpty() ? "#" + number : sid);
    }
  }

  private final Part allowSure;
  private final Part allowMaybe;
  private final Part denySure;
  private final Part denyMaybe;

  private BoundedPolicy(Part allowSure, Part allowMaybe, Part denySure, Part denyMaybe) {
    this.allowSure = allowSure;
    this.allowMaybe = allowMaybe;
    this.denySure = denySure;
    this.denyMaybe = denyMaybe;
  }

  /** @throws dev.billinggate.policy.PolicyException when the engine cannot read the document */
  static BoundedPolicy of(OrgPolicy policy, KnownContext.Domain domain) {
    PolicyDocument doc = PolicyParser.parse(policy.content());
    PartBuilder allowSure = new PartBuilder();
    PartBuilder allowMaybe = new PartBuilder();
    PartBuilder denySure = new PartBuilder();
    PartBuilder denyMaybe = new PartBuilder();
    for (int i = 0; i < doc.statements().size(); i++) {
      Statement s = doc.statements().get(i);
      int number = i + 1;
      List<ConditionEntry> known = new ArrayList<>();
      List<String> unknownKeys = new ArrayList<>();
      for (ConditionEntry e : s.condition()) {
        List<String> unknown = domain.unknownKeys(e);
        if (unknown.isEmpty()) {
          known.add(e);
        } else {
          unknown.stream().filter(k -> !unknownKeys.contains(k)).forEach(unknownKeys::add);
        }
      }
      boolean deny = s.effect() == Effect.DENY;
      Statement relaxed = new Statement(s.sid(), s.effect(), s.principal(), s.notPrincipal(), s.action(),
          s.notAction(), s.resource(), s.notResource(), known);
      (deny ? denyMaybe : allowMaybe).add(policy, relaxed, number, unknownKeys);
      if (unknownKeys.isEmpty()) {
        (deny ? denySure : allowSure).add(policy, s, number, List.of());
      }
    }
    PolicyKind kind = policy.type() == PolicyType.RESOURCE_CONTROL ? PolicyKind.RESOURCE_CONTROL
        : PolicyKind.SERVICE_CONTROL;
    return new BoundedPolicy(allowSure.build(policy, doc, kind), allowMaybe.build(policy, doc, kind),
        denySure.build(policy, doc, kind), denyMaybe.build(policy, doc, kind));
  }

  /** The compiled Allow statements; {@code null} when there are none. */
  Policy allows(boolean sure) {
    Part p = sure ? allowSure : allowMaybe;
    return p == null ? null : p.policy();
  }

  /** The compiled Deny statements; {@code null} when there are none. */
  Policy denies(boolean sure) {
    Part p = sure ? denySure : denyMaybe;
    return p == null ? null : p.policy();
  }

  /** The original statement behind a Deny the engine reported from {@link #denies}. */
  StatementInfo statement(StatementRef ref, boolean sure) {
    return (sure ? denySure : denyMaybe).statements().get(ref.index());
  }

  /** The Allow statements whose conditions test unknown keys. */
  List<StatementInfo> conditionalAllows() {
    return allowMaybe == null ? List.of()
        : allowMaybe.statements().stream().filter(s -> !s.unknownKeys().isEmpty()).toList();
  }

  private static final class PartBuilder {
    private final List<Statement> statements = new ArrayList<>();
    private final List<StatementInfo> infos = new ArrayList<>();

    void add(OrgPolicy policy, Statement s, int number, List<String> unknown) {
      statements.add(s);
      infos.add(new StatementInfo(policy, s.sid(), number, List.copyOf(unknown)));
    }

    Part build(OrgPolicy policy, PolicyDocument doc, PolicyKind kind) {
      if (statements.isEmpty()) {
        return null;
      }
      String json = PolicyPrinter.print(new PolicyDocument(doc.version(), doc.id(), statements));
      return new Part(ENGINE.compile(policy.id(), json, kind), List.copyOf(infos));
    }
  }
}
