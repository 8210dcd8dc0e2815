package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.managed.ManagedPolicy;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.CustomerPolicy;
import dev.billinggate.service.iam.IamSchema.PolicyVersion;
import dev.billinggate.store.ReadTx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;

/** Managed policies: customer policies with their versions, and AWS managed policies (read-only). */
final class ManagedPolicyOperations {
  static final int MAX_VERSIONS = 5;

  private final IamEnv env;
  private final IamLookups lookups;
  private final PolicyDocuments documents;

  public ManagedPolicyOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.documents = new PolicyDocuments(env.engine());
  }

  public void register(OperationTable table) {
    table.on(CreatePolicyRequest.class,
        (r, c) -> IamAccess.withRequestTags(AccessTarget.of("iam:CreatePolicy",
            IamArns.policy(c.caller().accountId(), IamArns.path(r.path()), r.policyName())), r.tags()),
        this::createPolicy);
    table.on(GetPolicyRequest.class, (r, c) -> AccessTarget.of("iam:GetPolicy", r.policyArn()), this::getPolicy);
    table.on(DeletePolicyRequest.class, (r, c) -> AccessTarget.of("iam:DeletePolicy", r.policyArn()), this::deletePolicy);
    table.on(ListPoliciesRequest.class, (r, c) -> AccessTarget.of("iam:ListPolicies",
        IamArns.policy(c.caller().accountId(), IamArns.path(r.pathPrefix()), "")), this::listPolicies);
    table.on(CreatePolicyVersionRequest.class,
        (r, c) -> AccessTarget.of("iam:CreatePolicyVersion", r.policyArn()), this::createPolicyVersion);
    table.on(GetPolicyVersionRequest.class,
        (r, c) -> AccessTarget.of("iam:GetPolicyVersion", r.policyArn()), this::getPolicyVersion);
    table.on(ListPolicyVersionsRequest.class,
        (r, c) -> AccessTarget.of("iam:ListPolicyVersions", r.policyArn()), this::listPolicyVersions);
    table.on(DeletePolicyVersionRequest.class,
        (r, c) -> AccessTarget.of("iam:DeletePolicyVersion", r.policyArn()), this::deletePolicyVersion);
    table.on(SetDefaultPolicyVersionRequest.class,
        (r, c) -> AccessTarget.of("iam:SetDefaultPolicyVersion", r.policyArn()), this::setDefaultPolicyVersion);
  }

  public CreatePolicyResponse createPolicy(CreatePolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    String path = IamArns.path(request.path());
    String arn = IamArns.policy(account, path, request.policyName());
    documents.validate(arn, request.policyDocument(), PolicyKind.MANAGED);
    CustomerPolicy policy = env.store().write(tx -> {
      if (tx.get(IamSchema.POLICIES, key(account, request.policyName())).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception(
            "A policy called %s already exists. Duplicate names are not allowed.", request.policyName());
      }
      CustomerPolicy created = new CustomerPolicy(account, request.policyName(), env.ids().policyId(), path,
          request.description(), context.now(), context.now(), "v1", 2,
          List.of(new PolicyVersion("v1", request.policyDocument(), context.now())),
          Tags.initial(request.tags(), Tags.KeyCase.SENSITIVE));
      tx.put(IamSchema.POLICIES, key(account, created.name()), created);
      return created;
    });
    Policy created = env.store().read(tx -> toSdk(tx, account, policy, true));
    return CreatePolicyResponse.builder().policy(created).build();
  }

  public GetPolicyResponse getPolicy(GetPolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    Policy policy = env.store().read(tx -> {
      if (IamArns.isAwsManagedPolicy(request.policyArn())) {
        ManagedPolicy aws = lookups.awsPolicy(request.policyArn()).orElseThrow(
            () -> IamError.NO_SUCH_ENTITY.exception("Policy %s was not found.", request.policyArn()));
        return toSdk(tx, account, aws).toBuilder().description(aws.description()).build();
      }
      return toSdk(tx, account, lookups.requireCustomerPolicy(tx, account, request.policyArn()), true);
    });
    return GetPolicyResponse.builder().policy(policy).build();
  }

  public DeletePolicyResponse deletePolicy(DeletePolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      CustomerPolicy policy = ownPolicy(tx, account, request.policyArn());
      if (attachmentCount(tx, account, request.policyArn()) > 0
          || Boundaries.usageCount(tx, account, request.policyArn()) > 0) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete a policy attached to entities.");
      }
      if (policy.versions().size() > 1) {
        throw IamError.DELETE_CONFLICT.exception("This policy has more than one version. Before you delete a "
            + "policy, you must delete the policy's versions. The default version is deleted with the policy.");
      }
      tx.delete(IamSchema.POLICIES, key(account, policy.name()));
    });
    return DeletePolicyResponse.builder().build();
  }

  public ListPoliciesResponse listPolicies(ListPoliciesRequest request, CallContext context) {
    String account = context.caller().accountId();
    PolicyScopeType scope = request.scope() == null ? PolicyScopeType.ALL : request.scope();
    boolean onlyAttached = Boolean.TRUE.equals(request.onlyAttached());
    List<Policy> policies = env.store().read(tx -> {
      List<Policy> all = new ArrayList<>();
      if (scope != PolicyScopeType.LOCAL) {
        for (ManagedPolicy aws : lookups.awsPolicies()) {
          all.add(toSdk(tx, account, aws));
        }
      }
      if (scope != PolicyScopeType.AWS) {
        for (ReadTx.Entry<CustomerPolicy> entry : tx.scan(IamSchema.POLICIES, account + "/", null, Integer.MAX_VALUE)) {
          all.add(toSdk(tx, account, entry.value(), false));
        }
      }
      return all;
    }).stream()
        .filter(p -> request.pathPrefix() == null || p.path().startsWith(request.pathPrefix()))
        .filter(p -> !onlyAttached || p.attachmentCount() > 0)
        .filter(p -> request.policyUsageFilter() != PolicyUsageType.PERMISSIONS_POLICY || p.attachmentCount() > 0)
        .filter(p -> request.policyUsageFilter() != PolicyUsageType.PERMISSIONS_BOUNDARY
            || p.permissionsBoundaryUsageCount() > 0)
        .sorted(Comparator.comparing(ManagedPolicyOperations::sortKey))
        .toList();
    Pagination.Page<Policy> page = Pagination.page(policies, ManagedPolicyOperations::sortKey,
        request.marker(), request.maxItems());
    return ListPoliciesResponse.builder().policies(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  public CreatePolicyVersionResponse createPolicyVersion(CreatePolicyVersionRequest request, CallContext context) {
    String account = context.caller().accountId();
    documents.validate(request.policyArn(), request.policyDocument(), PolicyKind.MANAGED);
    PolicyVersion version = env.store().write(tx -> {
      CustomerPolicy policy = ownPolicy(tx, account, request.policyArn());
      if (policy.versions().size() >= MAX_VERSIONS) {
        throw IamError.LIMIT_EXCEEDED.exception("A managed policy can have up to %d versions. Before you create a "
            + "new version, you must delete an existing version.", MAX_VERSIONS);
      }
      PolicyVersion created = new PolicyVersion("v" + policy.nextVersion(), request.policyDocument(), context.now());
      List<PolicyVersion> versions = new ArrayList<>(policy.versions());
      versions.add(created);
      String defaultVersion = Boolean.TRUE.equals(request.setAsDefault()) ? created.versionId() : policy.defaultVersionId();
      tx.put(IamSchema.POLICIES, key(account, policy.name()),
          policy.withVersions(versions, defaultVersion, policy.nextVersion() + 1, context.now()));
      return created;
    });
    return CreatePolicyVersionResponse.builder()
        .policyVersion(toSdk(version, Boolean.TRUE.equals(request.setAsDefault()), false)).build();
  }

  public GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest request, CallContext context) {
    String account = context.caller().accountId();
    String arn = request.policyArn();
    var version = env.store().read(tx -> {
      if (IamArns.isAwsManagedPolicy(arn)) {
        return lookups.awsPolicy(arn).filter(p -> p.versionId().equals(request.versionId()))
            .map(p -> toSdk(new PolicyVersion(p.versionId(), p.document(), p.createDate()), true, true))
            .orElseThrow(() -> noSuchVersion(arn, request.versionId()));
      }
      CustomerPolicy policy = lookups.requireCustomerPolicy(tx, account, arn);
      return policy.versions().stream().filter(v -> v.versionId().equals(request.versionId())).findFirst()
          .map(v -> toSdk(v, v.versionId().equals(policy.defaultVersionId()), true))
          .orElseThrow(() -> noSuchVersion(arn, request.versionId()));
    });
    return GetPolicyVersionResponse.builder().policyVersion(version).build();
  }

  public ListPolicyVersionsResponse listPolicyVersions(ListPolicyVersionsRequest request, CallContext context) {
    String account = context.caller().accountId();
    String arn = request.policyArn();
    List<software.amazon.awssdk.services.iam.model.PolicyVersion> versions = env.store().read(tx -> {
      if (IamArns.isAwsManagedPolicy(arn)) {
        ManagedPolicy aws = lookups.awsPolicy(arn)
            .orElseThrow(() -> IamError.NO_SUCH_ENTITY.exception("Policy %s was not found.", arn));
        return List.of(toSdk(new PolicyVersion(aws.versionId(), aws.document(), aws.createDate()), true, false));
      }
      CustomerPolicy policy = lookups.requireCustomerPolicy(tx, account, arn);
      // AWS lists the newest version first.
      return policy.versions().stream()
          .sorted(Comparator.comparing((PolicyVersion v) -> versionNumber(v.versionId())).reversed())
          .map(v -> toSdk(v, v.versionId().equals(policy.defaultVersionId()), false)).toList();
    });
    Pagination.Page<software.amazon.awssdk.services.iam.model.PolicyVersion> page = Pagination.page(versions,
        v -> String.format("%010d", Integer.MAX_VALUE - versionNumber(v.versionId())), request.marker(),
        request.maxItems());
    return ListPolicyVersionsResponse.builder().versions(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  public DeletePolicyVersionResponse deletePolicyVersion(DeletePolicyVersionRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      CustomerPolicy policy = ownPolicy(tx, account, request.policyArn());
      requireVersion(policy, request.policyArn(), request.versionId());
      if (policy.defaultVersionId().equals(request.versionId())) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete the default version of a policy.");
      }
      List<PolicyVersion> left = policy.versions().stream()
          .filter(v -> !v.versionId().equals(request.versionId())).toList();
      tx.put(IamSchema.POLICIES, key(account, policy.name()),
          policy.withVersions(left, policy.defaultVersionId(), policy.nextVersion(), context.now()));
    });
    return DeletePolicyVersionResponse.builder().build();
  }

  public SetDefaultPolicyVersionResponse setDefaultPolicyVersion(SetDefaultPolicyVersionRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      CustomerPolicy policy = ownPolicy(tx, account, request.policyArn());
      requireVersion(policy, request.policyArn(), request.versionId());
      tx.put(IamSchema.POLICIES, key(account, policy.name()),
          policy.withVersions(policy.versions(), request.versionId(), policy.nextVersion(), context.now()));
    });
    return SetDefaultPolicyVersionResponse.builder().build();
  }

  /** A customer policy the caller's account owns; AWS managed policies cannot be changed. */
  private CustomerPolicy ownPolicy(ReadTx tx, String account, String arn) {
    if (IamArns.isAwsManagedPolicy(arn) && lookups.awsPolicy(arn).isPresent()) {
      throw IamError.UNMODIFIABLE_ENTITY.exception("Cannot modify an AWS managed policy: %s", arn);
    }
    return lookups.requireCustomerPolicy(tx, account, arn);
  }

  private static void requireVersion(CustomerPolicy policy, String arn, String versionId) {
    if (policy.versions().stream().noneMatch(v -> v.versionId().equals(versionId))) {
      throw noSuchVersion(arn, versionId);
    }
  }

  private static RuntimeException noSuchVersion(String arn, String versionId) {
    return IamError.NO_SUCH_ENTITY.exception("Policy %s version %s does not exist or is not attachable.", arn, versionId);
  }

  private static int versionNumber(String versionId) {
    return Integer.parseInt(versionId.substring(1));
  }

  private static String sortKey(Policy policy) {
    return policy.policyName().toLowerCase(Locale.ROOT) + " " + policy.arn();
  }

  static int attachmentCount(ReadTx tx, String account, String policyArn) {
    return tx.count(IamSchema.POLICY_ATTACHMENTS, IamSchema.prefix(account, IamSchema.arnSegment(policyArn)));
  }

  /** ListPolicies leaves out descriptions and tags, as AWS does. */
  static Policy toSdk(ReadTx tx, String account, CustomerPolicy policy, boolean detailed) {
    String arn = IamArns.policy(policy.accountId(), policy.path(), policy.name());
    var builder = Policy.builder().policyName(policy.name()).policyId(policy.id()).arn(arn).path(policy.path())
        .defaultVersionId(policy.defaultVersionId()).attachmentCount(attachmentCount(tx, account, arn))
        .permissionsBoundaryUsageCount(Boundaries.usageCount(tx, account, arn)).isAttachable(true)
        .createDate(policy.createDate()).updateDate(policy.updateDate());
    if (detailed) {
      builder.description(policy.description());
      if (!policy.tags().isEmpty()) {
        builder.tags(Tags.toSdk(policy.tags()));
      }
    }
    return builder.build();
  }

  /** AWS managed policies' counts are per account: how this account uses them. */
  static Policy toSdk(ReadTx tx, String account, ManagedPolicy policy) {
    return Policy.builder().policyName(policy.name()).policyId(policy.policyId())
        .arn(IamArns.inCurrentPartition(policy.arn())).path(policy.path()).defaultVersionId(policy.versionId())
        .attachmentCount(attachmentCount(tx, account, policy.arn()))
        .permissionsBoundaryUsageCount(Boundaries.usageCount(tx, account, policy.arn())).isAttachable(true)
        .createDate(policy.createDate()).updateDate(policy.updateDate()).build();
  }

  static software.amazon.awssdk.services.iam.model.PolicyVersion toSdk(
      PolicyVersion version, boolean isDefault, boolean withDocument) {
    return software.amazon.awssdk.services.iam.model.PolicyVersion.builder()
        .document(withDocument ? PolicyDocuments.urlEncode(version.document()) : null)
        .versionId(version.versionId()).isDefaultVersion(isDefault).createDate(version.createDate()).build();
  }
}
