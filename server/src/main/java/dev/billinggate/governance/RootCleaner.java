package dev.billinggate.governance;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Deletes root credentials named as {@link RootCredentials#items()} names them, in one
 * IAMDeleteRootUserCredentials session per account. Each item gets its own result, and a failure does
 * not stop the others, so a re-run only has the failures left to do.
 */
public final class RootCleaner {
  private final RootSessions sessions;

  public RootCleaner(RootSessions sessions) {
    this.sessions = sessions;
  }

  public List<CredentialResult> delete(String accountId, List<String> items) {
    List<CredentialResult> results = new ArrayList<>();
    if (items.isEmpty()) {
      return results;
    }
    try (IamClient iam = sessions.open(accountId, RootTask.DELETE)) {
      for (String item : items) {
        results.add(deleteOne(iam, item));
      }
    } catch (SdkException e) {
      // AssumeRoot itself failed: every item not yet tried fails with the same reason.
      for (String item : items.subList(results.size(), items.size())) {
        results.add(new CredentialResult(item, CredentialResult.Outcome.FAILED, "AssumeRoot: " + Errors.describe(e)));
      }
    }
    return results;
  }

  private static CredentialResult deleteOne(IamClient iam, String item) {
    int colon = item.indexOf(':');
    String kind = colon < 0 ? item : item.substring(0, colon);
    String id = colon < 0 ? "" : item.substring(colon + 1);
    try {
      switch (kind) {
        case "password" -> iam.deleteLoginProfile(r -> {});
        case "access-key" -> iam.deleteAccessKey(r -> r.accessKeyId(id));
        case "signing-certificate" -> iam.deleteSigningCertificate(r -> r.certificateId(id));
        case "mfa" -> {
          iam.deactivateMFADevice(r -> r.serialNumber(id));
          // Virtual devices are IAM resources of their own; hardware and passkeys only need deactivating.
          if (id.contains(":mfa/")) {
            deleteVirtual(iam, id);
          }
        }
        default -> throw new IllegalArgumentException("unknown root credential " + item);
      }
      return new CredentialResult(item, CredentialResult.Outcome.DELETED, "");
    } catch (NoSuchEntityException e) {
      return new CredentialResult(item, CredentialResult.Outcome.ALREADY_ABSENT, "");
    } catch (SdkException e) {
      return new CredentialResult(item, CredentialResult.Outcome.FAILED, Errors.describe(e));
    }
  }

  private static void deleteVirtual(IamClient iam, String serial) {
    try {
      iam.deleteVirtualMFADevice(r -> r.serialNumber(serial));
    } catch (NoSuchEntityException e) {
      // Already gone with the deactivation.
    }
  }
}
