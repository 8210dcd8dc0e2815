package dev.billinggate.costdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.store.sqlite.SqliteStore;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostImportTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), ZoneOffset.UTC);

  private static final String CUR = """
      line_item_usage_account_id,line_item_usage_start_date,product_servicecode,product_product_name,product_region_code,line_item_line_item_type,line_item_usage_type,line_item_operation,line_item_usage_amount,pricing_unit,line_item_unblended_cost
      111122223333,2026-05-01T00:00:00Z,AmazonEC2,"Amazon Elastic Compute Cloud - Compute",us-east-1,Usage,BoxUsage:m5.large,RunInstances,24,Hrs,2.304
      111122223333,2026-05-01T00:00:00Z,AmazonEC2,"Amazon Elastic Compute Cloud - Compute",us-east-1,Usage,BoxUsage:m5.large,RunInstances,24,Hrs,2.304
      111122223333,2026-05-03T00:00:00Z,AmazonS3,"Amazon Simple Storage Service",eu-west-1,Credit,TimedStorage-ByteHrs,,0,GB-Mo,-1.5
      """;

  private static final String FOCUS = """
      BilledCost,ChargePeriodStart,ServiceName,RegionId,SubAccountId,ChargeCategory
      10.25,2026-05-02T00:00:00Z,Amazon Relational Database Service,us-west-2,444455556666,Usage
      0.82,2026-05-02T00:00:00Z,Tax,,444455556666,Tax
      """;

  private static double total(AccountCosts c) {
    double sum = 0;
    for (float v : c.cost()) {
      sum += v;
    }
    return sum;
  }

  @Test
  void curRowsAreSummedPerLineAndDay(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir)) {
      CostData data = new CostData(store, CLOCK);
      CostImport.Summary s = CostImport.importCsv(new BufferedReader(new StringReader(CUR)), data);
      assertThat(s.rows()).isEqualTo(3);
      assertThat(s.accounts()).containsExactly("111122223333");
      AccountCosts c = data.account("111122223333");
      assertThat(c.firstDay()).isEqualTo(LocalDate.of(2026, 5, 1).toEpochDay());
      assertThat(c.days()).isEqualTo(3);
      assertThat(c.lines()).extracting(CostLine::recordType).containsExactlyInAnyOrder("Usage", "Credit");
      assertThat(total(c)).isCloseTo(4.608 - 1.5, org.assertj.core.data.Offset.offset(1e-4));
    }
    // Durable: a new process sees the imported data, not synthetic data.
    try (SqliteStore store = SqliteStore.open(dir)) {
      AccountCosts c = new CostData(store, CLOCK).account("111122223333");
      assertThat(c.lines()).hasSize(2);
    }
  }

  @Test
  void focusColumnsAreRecognized(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir)) {
      CostData data = new CostData(store, CLOCK);
      CostImport.importCsv(new BufferedReader(new StringReader(FOCUS)), data);
      AccountCosts c = data.account("444455556666");
      assertThat(c.lines()).extracting(CostLine::recordType).containsExactlyInAnyOrder("Usage", "Tax");
      assertThat(c.lines()).extracting(CostLine::region).contains("us-west-2", "NoRegion");
      assertThat(total(c)).isCloseTo(11.07, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(data.account("999988887777").lines()).isNotEmpty();
    }
  }

  @Test
  void badFilesAreRejectedWithTheRow(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir)) {
      CostData data = new CostData(store, CLOCK);
      assertThatThrownBy(() -> CostImport.importCsv(new BufferedReader(new StringReader("a,b\n1,2\n")), data))
          .hasMessageContaining("not a CUR 2.0 or FOCUS export");
      assertThatThrownBy(() -> CostImport.importCsv(new BufferedReader(new StringReader(
          "BilledCost,ChargePeriodStart,SubAccountId\nlots,2026-05-01,111122223333\n")), data))
          .hasMessageContaining("row 1: not a number: lots");
    }
  }
}
