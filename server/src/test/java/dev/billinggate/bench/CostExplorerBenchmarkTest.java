package dev.billinggate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;

/** Keeps the benchmark's fixture honest: 100 accounts, ~30 services each, a paged first answer. */
class CostExplorerBenchmarkTest {
  @Test
  void theBenchmarkQueriesAHundredAccounts() {
    CostExplorerBenchmark bench = new CostExplorerBenchmark();
    bench.setUp();
    GetCostAndUsageResponse r = bench.groupedByServiceAndAccountDaily();
    assertThat(r.nextPageToken()).isNotNull();
    long accounts = r.resultsByTime().stream().flatMap(t -> t.groups().stream()).map(g -> g.keys().get(1))
        .distinct().count();
    assertThat(accounts).isEqualTo(100);
    assertThat(r.resultsByTime().get(0).groups().size()).isGreaterThan(100 * 20);
  }
}
