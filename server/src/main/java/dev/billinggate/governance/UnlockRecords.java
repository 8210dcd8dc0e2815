package dev.billinggate.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unlocks.json} under the state directory: every deleted queue or bucket policy, newest last,
 * each in its own record's shape, so a deletion can be reviewed and undone.
 */
final class UnlockRecords {
  static final String FILE = "unlocks.json";

  record Records(int schemaVersion, List<JsonNode> unlocked) {}

  private UnlockRecords() {}

  /** Appends {@code record} to the file in {@code stateDir}. */
  static void append(Path stateDir, Object record) {
    Path file = stateDir.resolve(FILE);
    Records read = StateFiles.read(file, Records.class, new Records(1, List.of()));
    List<JsonNode> all = new ArrayList<>(read.unlocked() == null ? List.of() : read.unlocked());
    all.add(StateFiles.JSON.valueToTree(record));
    StateFiles.write(file, new Records(1, all));
  }
}
