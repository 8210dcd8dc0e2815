package dev.billinggate.governance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which member accounts a command covers. Empty lists mean "no constraint"; {@code accounts} names
 * accounts explicitly, and an explicitly named account that cannot be described stays in the output.
 */
public record AccountSelection(List<String> accounts, List<String> ous, Map<String, String> tags,
    List<String> exclude, Set<String> states) {

  public static AccountSelection of(List<String> accounts) {
    return new AccountSelection(accounts, List.of(), Map.of(), List.of(), Set.of("ACTIVE"));
  }

  boolean needsTags() {
    return !tags.isEmpty();
  }

  /**
   * What the listing alone decides (id and state), before any call about the account: an account it
   * rules out costs nothing, so a closed account cannot become an ERROR row under throttling.
   */
  boolean matchesListing(MemberAccount account) {
    if (exclude.contains(account.id())) {
      return false;
    }
    // Named accounts are kept whatever their state, so the user sees why they are not ready.
    return accounts.isEmpty() ? states.contains(account.state()) : accounts.contains(account.id());
  }

  boolean matches(MemberAccount account) {
    if (!matchesListing(account)) {
      return false;
    }
    if (!accounts.isEmpty()) {
      return true;
    }
    if (!ous.isEmpty() && account.path().stream().noneMatch(ous::contains)) {
      return false;
    }
    return tags.entrySet().stream().allMatch(t -> t.getValue().equals(account.tags().get(t.getKey())));
  }
}
