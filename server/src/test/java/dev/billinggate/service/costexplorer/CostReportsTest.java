package dev.billinggate.service.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import dev.billinggate.costdata.CostData;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.service.billing.CostManagement;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostReportsTest {
  private static final String ACCOUNT = "123456789012";
  private final Clock clock = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);
  private final InMemoryStore store = new InMemoryStore();
  private final OrganizationDirectory directory = new OrganizationDirectory(store, new DefaultPolicyEngine());
  private final CostManagement management = new CostManagement(store, directory, clock, Duration.ZERO);
  private final CostReports reports = new CostReports(new CostScope(management, directory, new CostData(store, clock)));

  @Test
  void costExplorerQueriesAreClosedUntilEnabledButBillFiguresAreNot() {
    CostReports.Query april = new CostReports.Query(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1),
        dev.billinggate.costdata.CostAggregator.Granularity.MONTHLY, List.of());
    assertThatThrownBy(() -> reports.query(ACCOUNT, april)).isInstanceOf(AwsException.class)
        .hasMessage("User not enabled for cost explorer access");
    assertThat(reports.costByService(ACCOUNT, YearMonth.of(2026, 4))).isNotEmpty();
    management.enableCostExplorer(ACCOUNT);
    assertThat(reports.query(ACCOUNT, april)).hasSize(1);
    CostReports.MonthSummary summary = reports.monthSummary(ACCOUNT);
    assertThat(summary.month()).isEqualTo(YearMonth.of(2026, 5));
    assertThat(summary.monthToDate()).isPositive();
    assertThat(summary.forecastTotal()).isGreaterThan(summary.monthToDate());
  }

  @Test
  void dataIsUnavailableUntilIngested() {
    CostManagement slow = new CostManagement(store, directory, clock, Duration.ofHours(24));
    CostReports later = new CostReports(new CostScope(slow, directory, new CostData(store, clock)));
    slow.enableCostExplorer(ACCOUNT);
    CostReports.Query april = new CostReports.Query(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1),
        dev.billinggate.costdata.CostAggregator.Granularity.MONTHLY, List.of());
    assertThatThrownBy(() -> later.query(ACCOUNT, april)).isInstanceOf(AwsException.class)
        .hasMessageStartingWith("Data is not available.");
  }

  @Test
  void serviceBreakdownAddsUpToTheQueryTotal() {
    management.enableCostExplorer(ACCOUNT);
    List<CostReports.Amount> byService = reports.costByService(ACCOUNT, YearMonth.of(2026, 4));
    assertThat(byService).hasSizeGreaterThan(10);
    var total = byService.stream().map(CostReports.Amount::usd).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    List<CostReports.Row> rows = reports.query(ACCOUNT, new CostReports.Query(LocalDate.of(2026, 4, 1),
        LocalDate.of(2026, 5, 1), dev.billinggate.costdata.CostAggregator.Granularity.MONTHLY, List.of()));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).usd().subtract(total).abs().doubleValue()).isLessThan(0.01 * byService.size());
    assertThat(reports.costByAccount(ACCOUNT, YearMonth.of(2026, 4))).extracting(CostReports.Amount::key)
        .containsExactly(ACCOUNT);
  }
}
