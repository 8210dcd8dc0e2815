package dev.billinggate.service.iam;

import dev.billinggate.service.iam.IamSchema.OrganizationRootFeatures;
import dev.billinggate.store.ReadTx;

/** Reads an organization's centralized root access features (none until enabled). */
public final class RootAccessFeatures {
  public static final String ROOT_CREDENTIALS_MANAGEMENT = "RootCredentialsManagement";
  public static final String ROOT_SESSIONS = "RootSessions";

  private static final OrganizationRootFeatures NONE = new OrganizationRootFeatures(false, false);

  private RootAccessFeatures() {}

  /** Whether the organization has turned on root sessions (what STS's AssumeRoot requires). */
  public static boolean rootSessions(ReadTx tx, String organizationId) {
    return of(tx, organizationId).rootSessions();
  }

  static OrganizationRootFeatures of(ReadTx tx, String organizationId) {
    return tx.get(IamSchema.ORGANIZATION_ROOT_FEATURES, organizationId).orElse(NONE);
  }
}
