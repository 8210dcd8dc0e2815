package dev.billinggate.governance;

import java.time.Instant;
import java.util.List;

/** What {@code root apply} will delete, per account; written by {@code root plan --out}, read by {@code root apply --plan}. */
public record RootPlan(int schemaVersion, String planId, Instant createdAt, boolean acceptBillingRisk,
    List<Entry> accounts) {

  /**
   * @param delete credentials to delete, as {@link RootCredentials#items()} names them
   * @param refused why nothing will be deleted in this account, or null when it will be
   */
  public record Entry(String accountId, String name, Verdict verdict, BillingAccess billingAccess,
      List<String> delete, String refused) {
    public boolean willDelete() {
      return refused == null && !delete.isEmpty();
    }
  }

  public List<Entry> toDelete() {
    return accounts.stream().filter(Entry::willDelete).toList();
  }
}
