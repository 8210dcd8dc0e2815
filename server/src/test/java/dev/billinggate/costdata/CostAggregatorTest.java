package dev.billinggate.costdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.costdata.CostAggregator.Query;
import dev.billinggate.costdata.CostAggregator.Result;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostAggregatorTest {
  private static final int MAY_30 = (int) LocalDate.of(2026, 5, 30).toEpochDay();

  private static CostLine line(String account, String service, String unit) {
    return new CostLine(account, service, service, "us-east-1", "u-" + service, "op", "Usage", unit, 2, Map.of());
  }

  /** Two lines over four days (May 30 – June 2): cost 1,2,3,4 and 10,20,30,40; usage equal to cost. */
  private static AccountCosts account(String id) {
    float[] cost = {1, 2, 3, 4, 10, 20, 30, 40};
    return new AccountCosts(id, List.of(line(id, "A", "Hrs"), line(id, "B", "GB")), MAY_30, 4, cost, cost.clone());
  }

  @Test
  void monthlyPeriodsSplitAtMonthBoundariesAndClipToTheRange() {
    Result r = CostAggregator.aggregate(List.of(account("1")),
        new Query(MAY_30 + 1, MAY_30 + 4, Granularity.MONTHLY, l -> true, null));
    assertThat(r.periods()).extracting(p -> p.start().toString(), p -> p.end().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-05-31", "2026-06-01"),
            org.assertj.core.groups.Tuple.tuple("2026-06-01", "2026-06-03"));
    assertThat(r.total(r.cost(), 0)).isEqualTo(2 + 20);
    assertThat(r.total(r.cost(), 1)).isEqualTo(3 + 4 + 30 + 40);
    assertThat(r.units()).containsExactly("N/A");
    assertThat(r.total(r.normalizedUsage(), 0)).isEqualTo(2 * (2 + 20));
  }

  @Test
  void groupsAreSortedAndAcrossAccounts() {
    Result r = CostAggregator.aggregate(List.of(account("2"), account("1")),
        new Query(MAY_30, MAY_30 + 4, Granularity.DAILY, l -> !l.service().equals("B"),
            l -> List.of(l.service(), l.accountId())));
    assertThat(r.groups()).containsExactly(List.of("A", "1"), List.of("A", "2"));
    assertThat(r.units()).containsExactly("Hrs", "Hrs");
    assertThat(r.cost()[r.index(3, 1)]).isEqualTo(4);
    assertThat(r.present()).containsOnly(true);
  }

  @Test
  void daysOutsideTheDataHaveNothing() {
    Result r = CostAggregator.aggregate(List.of(account("1")),
        new Query(MAY_30 - 3, MAY_30, Granularity.DAILY, l -> true, l -> List.of(l.service())));
    assertThat(r.periods()).hasSize(3);
    assertThat(r.present()).containsOnly(false);
  }
}
