package dev.billinggate.cli;

/** Process exit codes; documented in {@code --help} (Main's footer) and the README, keep them in step. */
final class ExitCodes {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INCOMPLETE = 3;
  static final int CONFIGURATION = 4;
  static final int AWS_ERROR = 5;

  private ExitCodes() {}
}
