package dev.billinggate.governance;

import java.time.Instant;

/**
 * An operator's word that an account's root user turned IAM access to billing on, recorded by
 * {@code root recover ACCOUNT --billing-activated}. AWS offers no API to read the switch, so after a
 * manual activation this is the only evidence the audit can have.
 *
 * @param attestedBy the ARN that recorded it (GetCallerIdentity)
 */
public record BillingAttestation(String accountId, String attestedBy, Instant attestedAt) {}
