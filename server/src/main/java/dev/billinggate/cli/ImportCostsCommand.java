package dev.billinggate.cli;

import dev.billinggate.costdata.CostData;
import dev.billinggate.costdata.CostImport;
import dev.billinggate.store.StoreException;
import dev.billinggate.store.sqlite.SqliteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code billing-gate import-costs FILE}: replaces the cost data of the accounts a CUR 2.0 or FOCUS CSV covers. */
@Command(
    name = "import-costs",
    mixinStandardHelpOptions = true,
    description = "Import a CUR 2.0 or FOCUS cost CSV into the durable store (the server must not be running).")
public final class ImportCostsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The CSV export (CUR 2.0 or FOCUS 1.0 columns).")
  Path file;

  @Option(names = "--data", defaultValue = ".billing-gate", description = "Directory of the durable store (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws IOException {
    try (SqliteStore store = SqliteStore.open(dataDir);
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CostImport.Summary summary = CostImport.importCsv(in, new CostData(store, Clock.systemUTC()));
      System.out.printf("Imported %d rows for %d accounts: %s%n", summary.rows(), summary.accounts().size(),
          String.join(", ", summary.accounts()));
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      // A malformed file: nothing was stored.
      System.err.println("import-costs: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (StoreException e) {
      System.err.println("import-costs: cannot open the store: " + e.getMessage());
      return ExitCodes.CONFIGURATION;
    }
  }
}
