package dev.billinggate.governance;

/** What happened to one root credential in {@code root apply} or {@code vend}. */
public record CredentialResult(String item, Outcome outcome, String detail) {
  public enum Outcome {
    DELETED,
    /** Gone before this run touched it (deleted by an earlier, interrupted run or by someone else). */
    ALREADY_ABSENT,
    FAILED
  }
}
