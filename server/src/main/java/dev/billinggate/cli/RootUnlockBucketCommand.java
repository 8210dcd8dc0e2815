package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.BucketUnlock;
import dev.billinggate.governance.PolicyUnlock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "unlock-bucket",
    mixinStandardHelpOptions = true,
    description = {"Delete the policy of an S3 bucket in member ACCOUNT that locks everyone out.",
      "AssumeRoot with S3UnlockBucketPolicy, shows the policy on stderr, asks for confirmation (or --yes), then"
          + " deletes it and records the deleted policy in --state-dir/unlocks.json."},
    footer = {"", "Exit codes: 0 deleted, cancelled, or the bucket has no policy, 2 usage, 4 credentials or"
        + " configuration, 5 AWS service error (e.g. the bucket does not exist, or root sessions are not enabled)."})
final class RootUnlockBucketCommand extends RootUnlockCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The member account id that owns the bucket.")
  String account;

  @Parameters(index = "1", paramLabel = "BUCKET", description = "The bucket's name.")
  String bucket;

  @Override
  String kind() {
    return "bucket";
  }

  @Override
  String account() {
    return account;
  }

  @Override
  PolicyUnlock open(AwsClients clients) {
    return BucketUnlock.open(clients, account, bucket);
  }
}
