package dev.billinggate.policy.document;

public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String json;

  Effect(String json) {
    this.json = json;
  }

  /** The spelling in policy documents; AWS accepts exactly this case. */
  public String json() {
    return json;
  }
}
