package dev.billinggate.cli;

import dev.billinggate.emulator.SnapshotFile;
import dev.billinggate.emulator.SnapshotNames;
import dev.billinggate.emulator.StateControl;
import dev.billinggate.store.SnapshotContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code serve --from-snapshot FILE}: the file, read and checked before the server starts, and its name. */
record StartingSnapshot(String name, SnapshotContent content) {

  /** @throws IllegalArgumentException the file cannot be read, is not a snapshot file, or has no usable name */
  static StartingSnapshot read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the file: " + e.getMessage(), e);
    }
    String fileName = file.getFileName().toString();
    String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
    return new StartingSnapshot(SnapshotNames.check(stem), SnapshotFile.read(bytes));
  }

  /** Imports the file as snapshot {@link #name} and makes it the state. */
  void apply(StateControl state) {
    state.importSnapshot(name, content);
    state.restore(name);
  }
}
