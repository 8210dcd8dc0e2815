package dev.billinggate.console;

import dev.billinggate.service.CallContext;
import java.util.List;

/**
 * The resources whose policy can lock everyone out (SQS queues, S3 buckets), as the privileged-action
 * page needs them: listed, their policy read and deleted in a root session with the unlock task.
 */
interface LockableResources {
  /** The AssumeRoot task policy, e.g. {@code SQSUnlockQueuePolicy}. */
  String task();

  /** The page's path under {@code /console}. */
  String path();

  /** The prefix of the page's messages ({@code queue}, {@code bucket}). */
  String messages();

  /** The form field naming the resource. */
  String field();

  List<String> list(CallContext root);

  /** The resource's policy, {@code null} when it has none. */
  String policy(CallContext root, String resource);

  void deletePolicy(CallContext root, String resource);
}
