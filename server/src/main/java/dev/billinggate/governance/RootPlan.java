package dev.billinggate.governance;

import java.time.Instant;
import java.util.List;

/** What {@code root apply} will delete, per account; written by {@code root plan --out}, read by {@code root apply --plan}. */
/** @param only the credential kinds the plan was limited to ({@code root plan --only}); empty for all */
public record RootPlan(int schemaVersion, String planId, Instant createdAt, boolean acceptBillingRisk,
    List<String> only, List<Entry> accounts) {
  public RootPlan {
    only = only == null ? List.of() : List.copyOf(only);
  }


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

  /** Accounts the plan leaves alone without refusing them: nothing (of the chosen kinds) to delete. */
  public List<Entry> nothingToDelete() {
    return accounts.stream().filter(e -> e.refused() == null && e.delete().isEmpty()).toList();
  }

  public List<Entry> refused() {
    return accounts.stream().filter(e -> e.refused() != null).toList();
  }

  public List<Entry> toDelete() {
    return accounts.stream().filter(Entry::willDelete).toList();
  }
}
