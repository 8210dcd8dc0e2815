package dev.billinggate.service.account;

import dev.billinggate.store.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the Account Management API stores, and what it reads from elsewhere. */
public final class AccountRecords {
  private AccountRecords() {}

  /** Key {@code accountId}: the account's primary contact, as {@code ContactInformation}. */
  record Contact(String fullName, String addressLine1, String addressLine2, String addressLine3, String city,
      String stateOrRegion, String districtOrCounty, String postalCode, String countryCode, String phoneNumber,
      String companyName, String websiteUrl) {}

  /** Key {@code accountId/TYPE}. */
  record AlternateContact(String type, String name, String title, String emailAddress, String phoneNumber) {}

  /** Key {@code accountId}: a name set through PutAccountName. */
  record AccountName(String accountId, String name) {}

  static final Table<Contact> CONTACTS = Table.of("account.contact", Contact.class);
  static final Table<AlternateContact> ALTERNATE_CONTACTS = Table.of("account.alternate_contact", AlternateContact.class);
  static final Table<AccountName> NAMES = Table.of("account.name", AccountName.class);
  static final List<Table<?>> ALL = List.of(CONTACTS, ALTERNATE_CONTACTS, NAMES);

  /** An account as the identity store knows it: its name at sign-up and creation time. */
  public record AccountFacts(String name, Instant createdAt) {}

  /** Looks accounts up in the identity store (IAM's account registry in the application). */
  @FunctionalInterface
  public interface AccountLookup {
    Optional<AccountFacts> find(String accountId);
  }
}
