package dev.billinggate.governance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the SCPs and RCPs on a path do to some actions: PASS (allowed whatever the unknown keys are),
 * FAIL (denied whatever they are) or UNKNOWN (it depends), with each finding and the actions it hits.
 */
public record GuardrailResult(CheckStatus status, Map<GuardrailFinding, List<String>> findings) {
  public GuardrailResult {
    findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
  }

  /** The findings that decide the status: the blocking ones for FAIL, all for UNKNOWN. */
  public List<GuardrailFinding> deciding() {
    List<GuardrailFinding> out = new ArrayList<>();
    findings.keySet().stream().filter(f -> status != CheckStatus.FAIL || f.blocks()).forEach(out::add);
    return out;
  }

  /** The deciding findings as one line each, joined with "; ". */
  public String describe() {
    return deciding().stream().map(f -> f.describe(findings.get(f))).collect(Collectors.joining("; "));
  }
}
