package dev.billinggate.costdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticCostsTest {
  private static final int DAY = (int) LocalDate.of(2026, 3, 2).toEpochDay();

  @Test
  void amountsDependOnlyOnAccountLineAndDay() {
    AccountCosts wide = SyntheticCosts.generate("111122223333", DAY - 100, 100);
    AccountCosts narrow = SyntheticCosts.generate("111122223333", DAY - 10, 10);
    assertThat(narrow.lines()).isEqualTo(wide.lines());
    for (int l = 0; l < wide.lines().size(); l++) {
      assertThat(Arrays.copyOfRange(narrow.cost(), l * 10, l * 10 + 10))
          .containsExactly(Arrays.copyOfRange(wide.cost(), l * 100 + 90, l * 100 + 100));
    }
    assertThat(SyntheticCosts.generate("444455556666", DAY - 10, 10).lines()).isNotEqualTo(narrow.lines());
  }

  @Test
  void accountsUseRealServiceNamesAndRecordTypes() {
    AccountCosts costs = SyntheticCosts.generate("123456789012", DAY - 400, 400);
    var services = costs.lines().stream().map(CostLine::service).collect(Collectors.toSet());
    assertThat(services).contains("Amazon Elastic Compute Cloud - Compute", "Amazon Simple Storage Service",
        "AmazonCloudWatch").hasSizeGreaterThanOrEqualTo(15);
    assertThat(costs.lines()).extracting(CostLine::recordType).contains(RecordTypes.USAGE);
  }

  @Test
  void compute_dipsOnWeekends() {
    AccountCosts costs = SyntheticCosts.generate("123456789012", DAY - 70, 70);
    int ec2 = -1;
    for (int l = 0; l < costs.lines().size(); l++) {
      if (costs.lines().get(l).service().startsWith("Amazon Elastic Compute Cloud")) {
        ec2 = l;
        break;
      }
    }
    double weekday = 0;
    double weekend = 0;
    for (int d = 0; d < 70; d++) {
      DayOfWeek dow = LocalDate.ofEpochDay(DAY - 70 + d).getDayOfWeek();
      double v = costs.cost()[ec2 * 70 + d];
      if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
        weekend += v / 2;
      } else {
        weekday += v / 5;
      }
    }
    assertThat(weekend).isLessThan(weekday * 0.9);
  }
}
