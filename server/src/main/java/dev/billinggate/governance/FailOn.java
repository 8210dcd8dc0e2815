package dev.billinggate.governance;

/** Which check results make a run exit 1 ({@code --fail-on}). */
public enum FailOn {
  /** FAIL results (the default). */
  FAIL,
  /** FAIL and UNKNOWN results: nothing unproven passes. */
  UNKNOWN,
  /** Never: only incompleteness and errors change the exit code. */
  NONE;

  public boolean counts(CheckStatus status) {
    return switch (this) {
      case FAIL -> status == CheckStatus.FAIL;
      case UNKNOWN -> status == CheckStatus.FAIL || status == CheckStatus.UNKNOWN;
      case NONE -> false;
    };
  }
}
