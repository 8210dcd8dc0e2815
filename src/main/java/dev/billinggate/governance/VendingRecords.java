package dev.billinggate.governance;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The vending records of a state directory ({@code vending.json}); safe to share between worker threads. */
public final class VendingRecords {
  /** The file's shape; {@code schemaVersion} lets later versions migrate it. */
  record File(int schemaVersion, Map<String, VendingRecord> accounts) {}

  private final Path file;
  private final Map<String, VendingRecord> accounts;

  private VendingRecords(Path file, Map<String, VendingRecord> accounts) {
    this.file = file;
    this.accounts = accounts;
  }

  public static VendingRecords open(Path stateDir) {
    Path file = stateDir.resolve("vending.json");
    File read = StateFiles.read(file, File.class, new File(1, Map.of()));
    return new VendingRecords(file, new TreeMap<>(read.accounts() == null ? Map.of() : read.accounts()));
  }

  public synchronized Optional<VendingRecord> find(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  public synchronized void put(VendingRecord record) {
    accounts.put(record.accountId(), record);
    StateFiles.write(file, new File(1, accounts));
  }
}
