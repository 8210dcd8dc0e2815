package dev.billinggate.policy.eval;

import dev.billinggate.policy.PolicyType;
import dev.billinggate.policy.StatementRef;
import java.util.ArrayList;
import java.util.List;

/** Collects the statements that matched, for {@code explain}; the fast path passes none. */
final class Trace {
  final List<StatementRef> allows = new ArrayList<>();
  final List<StatementRef> denies = new ArrayList<>();

  void matched(CompiledPolicy policy, CompiledStatement s, PolicyType type) {
    (s.deny ? denies : allows).add(new StatementRef(policy.id(), type, s.index, s.sid));
  }
}
