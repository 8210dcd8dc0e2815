package dev.billinggate.store.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordCopiesTest {
  enum Kind { A, B }

  record Leaf(String name, List<String> tags, byte[] bytes) {}

  record Tree(Kind kind, Instant at, BigDecimal amount, long count, Map<String, Leaf> leaves, Set<Integer> ids,
      List<List<String>> nested) {}

  record Odd(AtomicInteger counter) {}

  record Sorted(TreeMap<String, String> entries) {}

  @Test
  void copiesCollectionsAndBytesAtEveryDepthAndKeepsImmutableValues() {
    List<String> tags = new ArrayList<>(List.of("x"));
    byte[] bytes = {1, 2};
    Map<String, Leaf> leaves = new HashMap<>(Map.of("l", new Leaf("leaf", tags, bytes)));
    Set<Integer> ids = new HashSet<>(Set.of(7));
    List<List<String>> nested = new ArrayList<>(List.of(new ArrayList<>(List.of("n"))));
    Tree tree = new Tree(Kind.B, Instant.parse("2026-12-08T00:00:00.123456789Z"), new BigDecimal("1.50"), 3L,
        leaves, ids, nested);

    Tree copy = (Tree) RecordCopies.immutable(tree).orElseThrow();
    tags.add("changed");
    bytes[0] = 9;
    leaves.put("m", new Leaf("other", List.of(), new byte[0]));
    ids.add(8);
    nested.get(0).add("changed");

    assertThat(copy.kind()).isEqualTo(Kind.B);
    assertThat(copy.at()).isEqualTo(tree.at());
    assertThat(copy.amount()).isEqualTo(new BigDecimal("1.50"));
    assertThat(copy.count()).isEqualTo(3L);
    assertThat(copy.leaves()).containsOnlyKeys("l");
    assertThat(copy.leaves().get("l").tags()).containsExactly("x");
    assertThat(copy.leaves().get("l").bytes()).containsExactly(1, 2);
    assertThat(copy.ids()).containsExactly(7);
    assertThat(copy.nested()).containsExactly(List.of("n"));
    assertThatThrownBy(() -> copy.leaves().get("l").tags().add("y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.nested().get(0).add("y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keepsNullsWhereJsonWouldKeepThem() {
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    Leaf copy = (Leaf) RecordCopies.immutable(new Leaf(null, withNull, null)).orElseThrow();
    assertThat(copy.name()).isNull();
    assertThat(copy.tags()).containsExactly((String) null);
    assertThat(copy.bytes()).isNull();
  }

  @Test
  void declinesValuesItCannotProveImmutable() {
    assertThat(RecordCopies.immutable(new Odd(new AtomicInteger()))).isEmpty();
    assertThat(RecordCopies.immutable(new StringBuilder("x"))).isEmpty();
    assertThat(RecordCopies.immutable(new Sorted(new TreeMap<>(Map.of("a", "b"))))).as("a copy would not fit the component")
        .isEmpty();
  }
}
