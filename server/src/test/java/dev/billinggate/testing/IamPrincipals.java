package dev.billinggate.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** IAM users made for a test: a name, one inline policy, and an access key to sign with. */
public final class IamPrincipals {
  private IamPrincipals() {}

  /** Creates user {@code name} with the inline policy {@code policyJson} and returns its access key. */
  public static AwsBasicCredentials userWithPolicy(IamClient admin, String name, String policyJson) {
    admin.createUser(r -> r.userName(name));
    admin.putUserPolicy(r -> r.userName(name).policyName("test").policyDocument(policyJson));
    AccessKey key = admin.createAccessKey(r -> r.userName(name)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }
}
