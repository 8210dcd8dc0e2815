package dev.billinggate.emulator;

import java.util.regex.Pattern;

/**
 * What users may call a snapshot: safe in a URL path segment and a file name without escaping.
 * Names starting with {@code _} are billing-gate's own (the first-start state) and never listed.
 */
public final class SnapshotNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private SnapshotNames() {}

  /** @throws IllegalArgumentException saying what a name may be */
  public static String check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid snapshot name '" + name + "': use 1 to 128 letters, digits, '.', '_'"
          + " or '-', starting with a letter or digit.");
    }
    return name;
  }
}
