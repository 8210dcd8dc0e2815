package dev.billinggate.store.engine;

import java.util.List;
import java.util.Map;

/**
 * What other processes committed to a shared backend since this engine last looked: either the
 * changed rows, or (after a restore elsewhere, or when the backend no longer has the history) every
 * row, replacing the engine's state.
 *
 * @param rows every committed row by table then key, as JSON; null for an incremental delta
 * @param changes the rows changed since the last delta, in no particular order; empty when {@code rows} is set
 */
public record Delta(Map<String, ? extends Map<String, String>> rows, List<Change> changes) {

  public static Delta everything(Map<String, ? extends Map<String, String>> rows) {
    return new Delta(rows, List.of());
  }

  public static Delta changed(List<Change> changes) {
    return new Delta(null, changes);
  }

  boolean isEmpty() {
    return rows == null && changes.isEmpty();
  }
}
