package dev.billinggate.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(print(d)) == d for generated documents, and printing is idempotent. */
class RoundTripProperties {

  @Property(tries = 500)
  void printThenParseRoundTrips(@ForAll("documents") PolicyDocument doc) {
    String printed = PolicyPrinter.print(doc);
    PolicyDocument parsed = PolicyParser.parse(printed);
    assertThat(parsed).isEqualTo(doc);
    assertThat(PolicyPrinter.print(parsed)).isEqualTo(printed);
  }

  @Provide
  Arbitrary<PolicyDocument> documents() {
    Arbitrary<String> version = Arbitraries.of(PolicyDocument.V2012, PolicyDocument.V2008).injectNull(0.2);
    Arbitrary<String> id = Arbitraries.strings().alpha().ofMaxLength(5).injectNull(0.7);
    return Combinators.combine(version, id, statement().list().ofMinSize(1).ofMaxSize(4)).as(PolicyDocument::new);
  }

  private Arbitrary<String> text() {
    // Quotes, backslashes, unicode and JSON-looking text must survive escaping.
    return Arbitraries.strings().withChars("ab*?:/\"\\é${} ").ofMaxLength(8);
  }

  private Arbitrary<List<String>> values() {
    return text().list().ofMinSize(1).ofMaxSize(3);
  }

  private Arbitrary<Statement> statement() {
    Arbitrary<String> sid = Arbitraries.strings().alpha().ofMaxLength(4).injectNull(0.5);
    Arbitrary<Effect> effect = Arbitraries.of(Effect.class);
    Arbitrary<PrincipalBlock> principal = principal().injectNull(0.6);
    Arbitrary<Boolean> flip = Arbitraries.of(true, false);
    Arbitrary<List<ConditionEntry>> condition = condition().list().ofMaxSize(4).map(RoundTripProperties::asJsonObject);
    return Combinators.combine(sid, effect, principal, flip, values(), flip, values(), condition)
        .as((s, e, p, notP, actions, notA, resources, c) -> new Statement(
            s, e, notP ? null : p, notP ? p : null,
            notA ? null : actions, notA ? actions : null,
            notA ? resources : null, notA ? null : resources,
            c));
  }

  private Arbitrary<PrincipalBlock> principal() {
    Arbitrary<PrincipalBlock> typed = Arbitraries.of(PrincipalBlock.TYPES).set().ofMinSize(1).flatMap(types -> {
      return values().list().ofSize(types.size()).map(lists -> {
        Map<String, List<String>> m = new LinkedHashMap<>();
        int i = 0;
        for (String t : types) {
          m.put(t, lists.get(i++));
        }
        return new PrincipalBlock(false, m);
      });
    });
    return Arbitraries.oneOf(Arbitraries.just(PrincipalBlock.anyone()), typed);
  }

  /** A Condition block is a JSON object: each operator once, each key once per operator. */
  private static List<ConditionEntry> asJsonObject(List<ConditionEntry> entries) {
    Map<String, Map<String, ConditionEntry>> byOperator = new LinkedHashMap<>();
    entries.forEach(e -> byOperator.computeIfAbsent(e.operator(), k -> new LinkedHashMap<>()).putIfAbsent(e.key(), e));
    return byOperator.values().stream().flatMap(m -> m.values().stream()).toList();
  }

  private Arbitrary<ConditionEntry> condition() {
    return Combinators.combine(Arbitraries.of("StringEquals", "ForAnyValue:StringLike", "Bool", "Null"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4).map(k -> "aws:" + k), values())
        .as(ConditionEntry::new);
  }
}
