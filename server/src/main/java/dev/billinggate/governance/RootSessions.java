package dev.billinggate.governance;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.model.Credentials;
import java.util.ArrayList;
import java.util.List;

/** AssumeRoot sessions: one per account and task, used for every call of that task. */
public final class RootSessions {
  /** Long enough for one account's calls with retries; AWS caps root sessions at 900 s. */
  private static final int SESSION_SECONDS = 900;

  private final AwsClients clients;

  public RootSessions(AwsClients clients) {
    this.clients = clients;
  }

  /** IAM as the root user of {@code accountId}, limited to {@code task}; the caller closes it. */
  public IamClient open(String accountId, RootTask task) {
    return clients.iamAs(credentials(accountId, task));
  }

  /** The credentials of a root session in {@code accountId} limited to {@code task}. */
  public AwsSessionCredentials credentials(String accountId, RootTask task) {
    Credentials c = clients.sts().assumeRoot(r -> r.targetPrincipal(accountId)
        .taskPolicyArn(p -> p.arn(task.policyArn())).durationSeconds(SESSION_SECONDS)).credentials();
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  /** Reads the root user's credentials in one IAMAuditRootUserCredentials session. */
  public RootCredentials audit(String accountId) {
    try (IamClient iam = open(accountId, RootTask.AUDIT)) {
      boolean password;
      try {
        iam.getLoginProfile(r -> {});
        password = true;
      } catch (NoSuchEntityException e) {
        password = false;
      }
      List<RootCredentials.AccessKey> keys = new ArrayList<>();
      for (AccessKeyMetadata key : iam.listAccessKeys().accessKeyMetadata()) {
        var lastUsed = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
        keys.add(new RootCredentials.AccessKey(key.accessKeyId(), key.statusAsString(),
            lastUsed == null ? null : lastUsed.lastUsedDate()));
      }
      List<String> mfa = iam.listMFADevices().mfaDevices().stream().map(d -> d.serialNumber()).toList();
      List<String> certificates = iam.listSigningCertificates().certificates().stream()
          .map(c -> c.certificateId()).toList();
      return new RootCredentials(password, keys, mfa, certificates);
    }
  }
}
