package dev.billinggate.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;

/**
 * GetCostAndUsage as a management account of 100 accounts: 12 months, DAILY, grouped by SERVICE and
 * LINKED_ACCOUNT (about 30 services per account), first page. Measures the operation itself
 * (visibility, filter, aggregation over the cached per-account arrays, building the SDK response),
 * not HTTP or JSON. The first call of each account generates and caches its data; warmup covers it.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main \
 *   -Djmh.ignoreLock=true -Dexec.args="CostExplorerBenchmark -f 0 -wi 3 -i 5 -bm sample -tu ms"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CostExplorerBenchmark {
  private CostOrganizationFixture fixture;
  private GetCostAndUsageRequest request;

  @Setup
  public void setUp() {
    fixture = new CostOrganizationFixture(100);
    LocalDate today = LocalDate.now(fixture.clock);
    request = GetCostAndUsageRequest.builder()
        .timePeriod(t -> t.start(today.withDayOfMonth(1).minusMonths(12).toString())
            .end(today.withDayOfMonth(1).toString()))
        .granularity("DAILY").metrics("UnblendedCost")
        .groupBy(g -> g.type("DIMENSION").key("SERVICE"), g -> g.type("DIMENSION").key("LINKED_ACCOUNT"))
        .build();
  }

  @Benchmark
  public GetCostAndUsageResponse groupedByServiceAndAccountDaily() {
    return fixture.call(fixture.costExplorer, "GetCostAndUsage", request);
  }
}
