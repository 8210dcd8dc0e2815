package dev.billinggate.store.engine;

/** One committed record change as a backend persists it: {@code json} is null for a delete. */
public record Change(String table, String key, String json) {
  public boolean isDelete() {
    return json == null;
  }
}
