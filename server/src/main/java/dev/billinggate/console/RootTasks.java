package dev.billinggate.console;

import dev.billinggate.auth.Caller;
import dev.billinggate.core.ServiceId;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.sts.StoredCredentialLookup;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.AssumeRootResponse;

/**
 * The privileged root tasks the Root access management page offers: {@code sts:AssumeRoot} into the
 * member with the task's AWS-managed policy, then the IAM call that task exists for, made as the
 * root session. Everything goes through the gateway, so the management principal's permissions, the
 * task policy and SCPs all apply. None of the tasks can touch billing settings (AWS's task policies
 * deny it), which is why a DENY member still needs a root sign-in.
 */
final class RootTasks {
  /** A task: its policy name under {@code arn:aws:iam::aws:policy/root-task/} and what it runs as root. */
  enum Task {
    IAMAuditRootUserCredentials((tasks, root) -> {
      int devices = tasks.services.gateway().invoke(ServiceId.IAM, ListMfaDevicesRequest.builder().build(), root,
          ListMfaDevicesResponse.class).mfaDevices().size();
      return "root MFA devices: " + devices;
    }),
    IAMCreateRootUserPassword((tasks, root) -> {
      tasks.services.gateway().invoke(ServiceId.IAM, CreateLoginProfileRequest.builder().build(), root,
          CreateLoginProfileResponse.class);
      return "root password recovery allowed";
    }),
    IAMDeleteRootUserCredentials((tasks, root) -> {
      tasks.services.gateway().invoke(ServiceId.IAM, DeleteLoginProfileRequest.builder().build(), root,
          DeleteLoginProfileResponse.class);
      return "root password deleted";
    });

    private final BiFunction<RootTasks, CallContext, String> run;

    Task(BiFunction<RootTasks, CallContext, String> run) {
      this.run = run;
    }

  }

  static final String ROOT_TASK_POLICIES = "arn:aws:iam::aws:policy/root-task/";

  private final ConsoleServices services;
  private final StoredCredentialLookup credentials;

  RootTasks(ConsoleServices services) {
    this.services = services;
    this.credentials = new StoredCredentialLookup(services.store());
  }

  /** Runs {@code task} on {@code memberAccountId}'s root; returns what it did. Errors are AWS's. */
  String run(Task task, String memberAccountId, CallContext context) {
    return task.run.apply(this, assumeRoot(task.name(), memberAccountId, context));
  }

  /**
   * A root session in {@code memberAccountId} scoped by the task policy {@code taskPolicyName}
   * ({@code sts:AssumeRoot} as the signed-in principal), for calls made as that root.
   */
  CallContext assumeRoot(String taskPolicyName, String memberAccountId, CallContext context) {
    AssumeRootResponse session = services.gateway().invoke(ServiceId.STS, AssumeRootRequest.builder()
        .targetPrincipal(memberAccountId).taskPolicyArn(p -> p.arn(ROOT_TASK_POLICIES + taskPolicyName))
        .durationSeconds(900).build(), context, AssumeRootResponse.class);
    Caller root = credentials.find(session.credentials().accessKeyId()).orElseThrow().caller();
    return new CallContext(root, taskPolicyName, context.requestId(), context.region(), context.now(),
        context.sourceIp(), context.secureTransport());
  }
}
