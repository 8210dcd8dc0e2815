package dev.billinggate.store;

/**
 * A named collection of immutable records of one type, keyed by string. Keys sort lexicographically;
 * services put the account id first ({@code 123456789012/alice}) so per-account listing is a prefix
 * scan. Records must be Jackson-serializable (Java records are).
 */
public record Table<V>(String name, Class<V> type) {
  public Table {
    if (!name.matches("[a-z][a-z0-9_.]{0,62}")) {
      throw new IllegalArgumentException("bad table name " + name);
    }
  }

  public static <V> Table<V> of(String name, Class<V> type) {
    return new Table<>(name, type);
  }
}
