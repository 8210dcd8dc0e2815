package dev.billinggate.governance;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tool's own evidence in a state directory ({@code vending.json}): vending records and billing
 * attestations. Safe to share between worker threads.
 */
public final class VendingRecords {
  /**
   * The file's shape; {@code schemaVersion} lets later versions migrate it. Version 1 files have no
   * {@code billingAttestations}, which reads as none.
   */
  record File(int schemaVersion, Map<String, VendingRecord> accounts,
      Map<String, BillingAttestation> billingAttestations) {}

  private static final int SCHEMA_VERSION = 2;

  private final Path file;
  private final Map<String, VendingRecord> accounts;
  private final Map<String, BillingAttestation> attestations;

  private VendingRecords(Path file, Map<String, VendingRecord> accounts, Map<String, BillingAttestation> attestations) {
    this.file = file;
    this.accounts = accounts;
    this.attestations = attestations;
  }

  public static VendingRecords open(Path stateDir) {
    Path file = stateDir.resolve("vending.json");
    File read = StateFiles.read(file, File.class, new File(SCHEMA_VERSION, Map.of(), Map.of()));
    return new VendingRecords(file, new TreeMap<>(read.accounts() == null ? Map.of() : read.accounts()),
        new TreeMap<>(read.billingAttestations() == null ? Map.of() : read.billingAttestations()));
  }

  public synchronized Optional<VendingRecord> find(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  public synchronized void put(VendingRecord record) {
    accounts.put(record.accountId(), record);
    save();
  }

  public synchronized void attest(BillingAttestation attestation) {
    attestations.put(attestation.accountId(), attestation);
    save();
  }

  /** The newest evidence of the account's switch: an attestation made after vending overrides the vending choice. */
  public synchronized BillingEvidence billing(String accountId) {
    VendingRecord vended = accounts.get(accountId);
    BillingAttestation attested = attestations.get(accountId);
    if (attested != null && (vended == null || vended.createdAt() == null
        || !attested.attestedAt().isBefore(vended.createdAt()))) {
      return new BillingEvidence(BillingAccess.ON, "attested by " + attested.attestedBy() + " at "
          + attested.attestedAt() + " (root recover --billing-activated)");
    }
    if (vended != null) {
      return new BillingEvidence(vended.billingAccess(), "vending record: IamUserAccessToBilling="
          + vended.iamUserAccessToBilling() + " (request " + vended.createAccountRequestId() + ")");
    }
    return BillingEvidence.NONE;
  }

  private void save() {
    StateFiles.write(file, new File(SCHEMA_VERSION, accounts, attestations));
  }
}
