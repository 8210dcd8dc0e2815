package dev.billinggate.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A member account's root user credentials, as an IAMAuditRootUserCredentials session sees them. */
public record RootCredentials(boolean password, List<AccessKey> accessKeys, List<String> mfaDevices,
    List<String> signingCertificates) {

  /** @param lastUsed null when never used */
  public record AccessKey(String id, String status, Instant lastUsed) {}

  public boolean any() {
    return password || !accessKeys.isEmpty() || !mfaDevices.isEmpty() || !signingCertificates.isEmpty();
  }

  /** Each credential as the plan and the records name it: password, access-key:ID, signing-certificate:ID, mfa:SERIAL. */
  public List<String> items() {
    List<String> items = new ArrayList<>();
    if (password) {
      items.add("password");
    }
    accessKeys.forEach(k -> items.add("access-key:" + k.id()));
    signingCertificates.forEach(c -> items.add("signing-certificate:" + c));
    mfaDevices.forEach(m -> items.add("mfa:" + m));
    return items;
  }

  public String describe() {
    if (!any()) {
      return "no root credentials";
    }
    List<String> parts = new ArrayList<>();
    if (password) {
      parts.add("password");
    }
    accessKeys.forEach(k -> parts.add("access key " + k.id() + " (" + k.status() + ", last used "
        + (k.lastUsed() == null ? "never" : k.lastUsed()) + ")"));
    signingCertificates.forEach(c -> parts.add("signing certificate " + c));
    mfaDevices.forEach(m -> parts.add("MFA device " + m));
    return String.join("; ", parts);
  }
}
