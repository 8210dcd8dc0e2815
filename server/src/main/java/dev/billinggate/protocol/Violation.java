package dev.billinggate.protocol;

/**
 * One failed model constraint.
 *
 * @param kind which constraint failed
 * @param path AWS's member path, e.g. {@code userName}, {@code tags.1.member.key}
 * @param value the offending value as AWS prints it, {@code null} for a missing member or a sensitive one
 * @param constraint AWS's constraint text, e.g. {@code Member must have length less than or equal to 64}
 */
public record Violation(Kind kind, String path, String value, String constraint) {

  public enum Kind { REQUIRED, MIN_LENGTH, MAX_LENGTH, MIN_VALUE, MAX_VALUE, PATTERN, ENUM }

  /** AWS's (Coral's) sentence: {@code Value 'x' at 'userName' failed to satisfy constraint: ...}. */
  public String sentence() {
    String shown = kind == Kind.REQUIRED ? "Value null" : value == null ? "Value" : "Value '" + value + "'";
    return shown + " at '" + path + "' failed to satisfy constraint: " + constraint;
  }
}
