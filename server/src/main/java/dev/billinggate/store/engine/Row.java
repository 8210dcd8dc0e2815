package dev.billinggate.store.engine;

/**
 * One committed record. Rows loaded at open keep their JSON until first read, so opening a large
 * store costs only reading it, and records nobody reads are never decoded.
 */
final class Row {
  private record Encoded(String json) {}

  // Either Encoded or the decoded record. Two readers may decode the same row at once; both get
  // equal values and either may win, which is cheaper than making readers wait on each other.
  private volatile Object state;

  private Row(Object state) {
    this.state = state;
  }

  static Row encoded(String json) {
    return new Row(new Encoded(json));
  }

  static Row decoded(Object value) {
    return new Row(value);
  }

  /** The record as stored: the JSON it was loaded from, or its encoding once decoded. */
  String json(RecordCodec codec, String table, String key) {
    Object current = state;
    return current instanceof Encoded encoded ? encoded.json() : codec.encode(table, key, current);
  }

  Object value(TableState table, String key) {
    Object current = state;
    if (current instanceof Encoded encoded) {
      current = table.decode(key, encoded.json());
      state = current;
    }
    return current;
  }
}
