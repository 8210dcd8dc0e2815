package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.PolicyUnlock;
import dev.billinggate.governance.QueueUnlock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "unlock-queue",
    mixinStandardHelpOptions = true,
    description = {"Delete the policy of an SQS queue in member ACCOUNT that locks everyone out.",
      "AssumeRoot with SQSUnlockQueuePolicy, shows the policy on stderr, asks for confirmation (or --yes), then"
          + " deletes it and records the deleted policy in --state-dir/unlocks.json."},
    footer = {"", "Exit codes: 0 deleted, cancelled, or the queue has no policy, 2 usage, 4 credentials or"
        + " configuration, 5 AWS service error (e.g. the queue does not exist, or root sessions are not enabled)."})
final class RootUnlockQueueCommand extends RootUnlockCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The member account id that owns the queue.")
  String account;

  @Parameters(index = "1", paramLabel = "QUEUE_URL", description = "The queue's URL (GetQueueUrl, or the console).")
  String queueUrl;

  @Override
  String kind() {
    return "queue";
  }

  @Override
  String account() {
    return account;
  }

  @Override
  PolicyUnlock open(AwsClients clients) {
    return QueueUnlock.open(clients, account, queueUrl);
  }
}
