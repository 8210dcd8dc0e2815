package dev.billinggate.governance;

import java.util.List;

/** The AssumeRoot task policies the tool uses, with the IAM actions its root session then calls. */
public enum RootTask {
  AUDIT("IAMAuditRootUserCredentials", List.of("iam:GetLoginProfile", "iam:ListAccessKeys",
      "iam:GetAccessKeyLastUsed", "iam:ListMFADevices", "iam:ListSigningCertificates")),
  DELETE("IAMDeleteRootUserCredentials", List.of("iam:DeleteLoginProfile", "iam:DeleteAccessKey",
      "iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice", "iam:DeleteSigningCertificate")),
  CREATE_PASSWORD("IAMCreateRootUserPassword", List.of("iam:CreateLoginProfile")),
  UNLOCK_QUEUE("SQSUnlockQueuePolicy", List.of("sqs:GetQueueAttributes", "sqs:SetQueueAttributes")),
  UNLOCK_BUCKET("S3UnlockBucketPolicy", List.of("s3:ListAllMyBuckets", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy"));

  private final String policyName;
  private final List<String> actions;

  RootTask(String policyName, List<String> actions) {
    this.policyName = policyName;
    this.actions = actions;
  }

  public String policyArn() {
    return "arn:aws:iam::aws:policy/root-task/" + policyName;
  }

  public List<String> actions() {
    return actions;
  }
}
