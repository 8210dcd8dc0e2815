package dev.billinggate.governance;

import java.util.List;

/**
 * One vend request's outcome.
 *
 * @param accountId null when CreateAccount did not succeed
 * @param error why it stopped, or null
 * @param audit the account's audit after cleanup; null when it was not reached
 */
public record Vended(AccountRequest request, String accountId, String error, List<CredentialResult> deleted,
    AccountAudit audit) {}
