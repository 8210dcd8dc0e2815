package dev.billinggate.policy;

/** The policy types of AWS's evaluation logic; names what blocked a denied request. */
public enum PolicyType {
  IDENTITY("identity-based policy"),
  RESOURCE("resource-based policy"),
  PERMISSIONS_BOUNDARY("permissions boundary"),
  SESSION("session policy"),
  SERVICE_CONTROL("service control policy"),
  RESOURCE_CONTROL("resource control policy");

  private final String phrase;

  PolicyType(String phrase) {
    this.phrase = phrase;
  }

  /** How AWS's AccessDenied messages name the type, e.g. {@code service control policy}. */
  public String phrase() {
    return phrase;
  }
}
