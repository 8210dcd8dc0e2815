package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {
  @TempDir Path dir;

  @Test
  void vendingRecordsSurviveAReopen() {
    VendingRecords records = VendingRecords.open(dir.resolve("state"));
    records.put(new VendingRecord("111122223333", "Dev", "dev@example.com", "DENY", "car-1",
        Instant.parse("2026-11-24T06:00:00Z"), null, List.of("password")));
    VendingRecord read = VendingRecords.open(dir.resolve("state")).find("111122223333").orElseThrow();
    assertThat(read.billingAccess()).isEqualTo(BillingAccess.OFF);
    assertThat(read.rootCredentialsDeleted()).containsExactly("password");
    assertThat(VendingRecords.open(dir.resolve("state")).find("444455556666")).isEmpty();
  }
}
