package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.costdata.CostData;
import dev.billinggate.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCostsCommandTest {
  @Test
  void importsIntoTheDataDirectory(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("focus.csv");
    Files.writeString(csv, "BilledCost,ChargePeriodStart,ServiceName,RegionId,SubAccountId,ChargeCategory\n"
        + "3.5,2026-05-02T00:00:00Z,AWS Lambda,us-east-1,777788889999,Usage\n");
    Path data = dir.resolve("data");
    assertThat(Main.commandLine().execute("import-costs", csv.toString(), "--data", data.toString()))
        .isEqualTo(ExitCodes.OK);
    try (SqliteStore store = SqliteStore.open(data)) {
      assertThat(new CostData(store, Clock.systemUTC()).account("777788889999").lines())
          .extracting(l -> l.service()).containsExactly("AWS Lambda");
    }
  }

  @Test
  void malformedFilesAreAUsageError(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "a,b\n1,2\n");
    assertThat(Main.commandLine().execute("import-costs", csv.toString(), "--data", dir.resolve("d").toString()))
        .isEqualTo(ExitCodes.USAGE);
  }
}
