package dev.billinggate.twin;

/**
 * One way two twins differ.
 *
 * @param kind organization, root, ou, policy, attachment, trusted-access, delegated-administrator,
 *     resource-policy, root-access, account or failure
 * @param id the resource's id
 * @param change what differs, A's value first: {@code email: a@x -> b@x}, {@code only in A}
 */
public record Difference(String kind, String id, String change) {
  @Override
  public String toString() {
    return kind + " " + id + " " + change;
  }
}
