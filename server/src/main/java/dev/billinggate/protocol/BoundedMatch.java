package dev.billinggate.protocol;

import java.util.regex.Pattern;

/**
 * Full-match of a model pattern with a work budget. Length limits alone do not tame every model
 * pattern (Budgets' {@code SubscriberAddress} is {@code (.*[\n\r\t\f\ ]?)*}, max length 2^31), so the
 * input is read through a character view that gives up after a number of reads proportional to its
 * length. Running out of budget counts as not matching.
 */
final class BoundedMatch {
  /** Reads allowed per input character; linear patterns need a handful, backtracking blowups need millions. */
  private static final long READS_PER_CHAR = 64;
  private static final long MIN_READS = 10_000;

  private BoundedMatch() {}

  static boolean matches(Pattern pattern, String input) {
    try {
      return pattern.matcher(new Budgeted(input, Math.max(MIN_READS, input.length() * READS_PER_CHAR))).matches();
    } catch (BudgetExceeded e) {
      return false;
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  private static final class Budgeted implements CharSequence {
    private final String text;
    private long remaining;

    Budgeted(String text, long budget) {
      this.text = text;
      this.remaining = budget;
    }

    @Override public char charAt(int index) {
      if (--remaining < 0) {
        throw new BudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override public int length() { return text.length(); }
    @Override public CharSequence subSequence(int start, int end) { return text.subSequence(start, end); }
    @Override public String toString() { return text; }
  }
}
