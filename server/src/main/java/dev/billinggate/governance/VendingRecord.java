package dev.billinggate.governance;

import java.time.Instant;
import java.util.List;

/**
 * Evidence of one account the tool vended: the billing-access choice sent with CreateAccount is the
 * only trustworthy source of that switch, since AWS has no API to read it back.
 *
 * @param iamUserAccessToBilling ALLOW or DENY, as sent in CreateAccount
 * @param rootCredentialsDeleted credentials deleted after creation ("password", "access-key:AKIA…", …)
 */
public record VendingRecord(String accountId, String name, String email, String iamUserAccessToBilling,
    String createAccountRequestId, Instant createdAt, String parentId, List<String> rootCredentialsDeleted) {

  public BillingAccess billingAccess() {
    return "ALLOW".equals(iamUserAccessToBilling) ? BillingAccess.ON : BillingAccess.OFF;
  }
}
