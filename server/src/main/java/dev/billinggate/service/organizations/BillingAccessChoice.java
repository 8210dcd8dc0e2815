package dev.billinggate.service.organizations;

import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/**
 * CreateAccount's {@code IamUserAccessToBilling} as the request gave it. UNSPECIFIED is kept apart
 * from ALLOW because the rule for omitted values is a setting (see {@code BillingAccess.DefaultRule}).
 */
public enum BillingAccessChoice {
  ALLOW,
  DENY,
  UNSPECIFIED;

  static BillingAccessChoice of(IAMUserAccessToBilling requested) {
    if (requested == null) {
      return UNSPECIFIED;
    }
    return requested == IAMUserAccessToBilling.DENY ? DENY : ALLOW;
  }
}
