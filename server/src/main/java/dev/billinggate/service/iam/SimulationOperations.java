package dev.billinggate.service.iam;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicySet;
import dev.billinggate.policy.PrincipalKind;
import dev.billinggate.policy.StatementRef;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IdentityPolicies.Principal;
import dev.billinggate.service.iam.IdentityPolicies.StoredPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * The IAM policy simulator: the same engine the gateway authorizes with, asked for explanations.
 * Only the policies given or found are evaluated (no SCPs), as AWS's simulator API does.
 */
final class SimulationOperations {
  private final IamEnv env;
  private final IdentityPolicies identities;
  private final PolicyDocuments documents;

  public SimulationOperations(IamEnv env, IdentityPolicies identities, IamOrganizations organizations) {
    this.env = env;
    this.identities = identities;
    this.organizations = organizations;
    this.documents = new PolicyDocuments(env.engine());
    this.allowAll = env.engine().compile("AllowAll", ALLOW_ALL, PolicyKind.MANAGED);
  }

  /** Stands in for the identity side when SCPs or a boundary are judged on their own. */
  private static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private final IamOrganizations organizations;
  private final Policy allowAll;

  public void register(OperationTable table) {
    table.on(SimulatePrincipalPolicyRequest.class,
        (r, c) -> AccessTarget.of("iam:SimulatePrincipalPolicy", r.policySourceArn()), this::simulatePrincipalPolicy);
    table.on(SimulateCustomPolicyRequest.class, this::simulateCustomPolicy);
  }

  public SimulatePrincipalPolicyResponse simulatePrincipalPolicy(SimulatePrincipalPolicyRequest request, CallContext context) {
    String account = IamArns.account(request.policySourceArn());
    Principal source = source(env, identities, request.policySourceArn());
    List<Policy> identity = new ArrayList<>();
    for (StoredPolicy stored : source.identity()) {
      identity.add(documents.compile(stored.id(), stored.json(), stored.kind()));
    }
    identity.addAll(inputs(request.policyInputList(), "PolicyInputList", PolicyKind.MANAGED));
    Policy boundary = source.boundary() == null ? null
        : documents.compile(source.boundary().id(), source.boundary().json(), source.boundary().kind());
    List<Policy> boundaries = inputs(request.permissionsBoundaryPolicyInputList(),
        "PermissionsBoundaryPolicyInputList", PolicyKind.MANAGED);
    if (!boundaries.isEmpty()) {
      boundary = boundaries.get(0);
    }
    String callerArn = request.callerArn() != null ? request.callerArn() : source.arn();
    // The principal's account's SCPs take part, as in AWS, when the account is in an organization.
    Optional<List<List<Policy>>> scps = organizations.standing(account).map(s -> organizations.serviceControlPolicies(account));
    Simulation simulation = new Simulation(callerArn, account, identity, boundary, scps,
        resourcePolicy(request.resourcePolicy()), request.resourceOwner(), context(request.contextEntries()));
    var page = page(simulation.run(request.actionNames(), request.resourceArns()), request.marker(), request.maxItems());
    return SimulatePrincipalPolicyResponse.builder().evaluationResults(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  public SimulateCustomPolicyResponse simulateCustomPolicy(SimulateCustomPolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    List<Policy> identity = inputs(request.policyInputList(), "PolicyInputList", PolicyKind.MANAGED);
    List<Policy> boundaries = inputs(request.permissionsBoundaryPolicyInputList(),
        "PermissionsBoundaryPolicyInputList", PolicyKind.MANAGED);
    String callerArn = request.callerArn() != null ? request.callerArn() : context.caller().arn();
    Simulation simulation = new Simulation(callerArn, account, identity, boundaries.isEmpty() ? null : boundaries.get(0),
        Optional.empty(), resourcePolicy(request.resourcePolicy()), request.resourceOwner(),
        context(request.contextEntries()));
    var page = page(simulation.run(request.actionNames(), request.resourceArns()), request.marker(), request.maxItems());
    return SimulateCustomPolicyResponse.builder().evaluationResults(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  /** The user, group or role a PolicySourceArn names, with its policies. */
  static Principal source(IamEnv env, IdentityPolicies identities, String arn) {
    String account = IamArns.account(arn);
    String type = IamArns.resourceType(arn);
    return env.store().read(tx -> switch (type == null ? "" : type) {
      case "user" -> identities.user(tx, account, IamArns.name(arn));
      case "role" -> identities.role(tx, account, IamArns.name(arn));
      case "group" -> identities.group(tx, account, IamArns.name(arn));
      default -> Optional.<Principal>empty();
    }).orElseThrow(() -> IamError.NO_SUCH_ENTITY.exception("Entity %s does not exist.", arn));
  }

  private List<Policy> inputs(List<String> documentsIn, String name, PolicyKind kind) {
    List<Policy> policies = new ArrayList<>();
    for (int i = 0; i < documentsIn.size(); i++) {
      policies.add(documents.compile(name + "." + (i + 1), documentsIn.get(i), kind));
    }
    return policies;
  }

  private Policy resourcePolicy(String json) {
    return json == null ? null : documents.compile("ResourcePolicy", json, PolicyKind.RESOURCE);
  }

  private static Map<String, List<String>> context(List<ContextEntry> entries) {
    Map<String, List<String>> context = new HashMap<>();
    for (ContextEntry entry : entries) {
      context.put(entry.contextKeyName(), entry.contextKeyValues());
    }
    return context;
  }

  /** Results keep request order (actions, then resources); pages are cut by position. */
  private static Pagination.Page<EvaluationResult> page(List<EvaluationResult> results, String marker, Integer maxItems) {
    List<Integer> positions = java.util.stream.IntStream.range(0, results.size()).boxed().toList();
    Pagination.Page<Integer> page = Pagination.page(positions, i -> String.format("%08d", i), marker, maxItems);
    return new Pagination.Page<>(page.items().stream().map(results::get).toList(), page.truncated(), page.marker());
  }

  /**
   * One simulation. {@code scps} is present when the principal's account is in an organization (its
   * levels may be empty: the management account); the result then carries OrganizationsDecisionDetail.
   * A boundary adds PermissionsBoundaryDecisionDetail. Each detail says whether that policy type on
   * its own allows the request, as AWS reports it.
   */
  private final class Simulation {
    private final String callerArn;
    private final String account;
    private final PolicySet policies;
    private final PolicySet scpsAlone;
    private final PolicySet boundaryAlone;
    private final String resourceOwner;
    private final Map<String, List<String>> context;

    Simulation(String callerArn, String account, List<Policy> identity, Policy boundary,
        Optional<List<List<Policy>>> scps, Policy resourcePolicy, String resourceOwner,
        Map<String, List<String>> context) {
      this.callerArn = callerArn;
      this.account = account;
      List<List<Policy>> levels = scps.orElse(List.of());
      this.policies = new PolicySet(identity, boundary, List.of(), levels, List.of(), resourcePolicy, false);
      this.scpsAlone = scps.map(l -> new PolicySet(List.of(allowAll), null, List.of(), l, List.of(), null, false))
          .orElse(null);
      this.boundaryAlone = boundary == null ? null
          : new PolicySet(List.of(boundary), null, List.of(), List.of(), List.of(), null, false);
      this.resourceOwner = resourceOwner;
      this.context = context;
    }

    List<EvaluationResult> run(List<String> actions, List<String> resources) {
      List<String> targets = resources.isEmpty() ? List.of("*") : resources;
      List<EvaluationResult> results = new ArrayList<>();
      for (String action : actions) {
        for (String resource : targets) {
          results.add(evaluate(action, resource));
        }
      }
      return results;
    }

    private EvaluationResult evaluate(String action, String resource) {
      String owner = resourceOwner != null ? IamArns.account(resourceOwner) : account;
      AuthorizationRequest request = new AuthorizationRequest(
          new dev.billinggate.policy.Principal(PrincipalKind.IAM_USER, callerArn, account, null, false),
          action, resource, owner == null ? account : owner, context, policies);
      Explanation explanation = env.engine().explain(request);
      EvaluationResult.Builder result = EvaluationResult.builder().evalActionName(action).evalResourceName(resource)
          .evalDecision(decision(explanation.decision()))
          .matchedStatements(explanation.deciding().stream().map(SimulationOperations::statement).toList())
          .missingContextValues(List.of());
      if (scpsAlone != null) {
        result.organizationsDecisionDetail(d -> d.allowedByOrganizations(allows(request, scpsAlone)));
      }
      if (boundaryAlone != null) {
        result.permissionsBoundaryDecisionDetail(d -> d.allowedByPermissionsBoundary(allows(request, boundaryAlone)));
      }
      return result.build();
    }

    private boolean allows(AuthorizationRequest request, PolicySet alone) {
      return env.engine().decide(new AuthorizationRequest(request.principal(), request.action(), request.resourceArn(),
          request.resourceAccount(), request.context(), alone)) == Decision.ALLOW;
    }
  }

  private static PolicyEvaluationDecisionType decision(Decision decision) {
    return switch (decision) {
      case ALLOW -> PolicyEvaluationDecisionType.ALLOWED;
      case EXPLICIT_DENY -> PolicyEvaluationDecisionType.EXPLICIT_DENY;
      case IMPLICIT_DENY -> PolicyEvaluationDecisionType.IMPLICIT_DENY;
    };
  }

  private static Statement statement(StatementRef ref) {
    return Statement.builder().sourcePolicyId(ref.policyId()).sourcePolicyType(sourceType(ref)).build();
  }

  private static PolicySourceType sourceType(StatementRef ref) {
    String id = ref.policyId();
    if (IamArns.isAwsManagedPolicy(id)) {
      return PolicySourceType.AWS_MANAGED;
    }
    if (id.startsWith("arn:")) {
      return PolicySourceType.USER_MANAGED;
    }
    if (id.startsWith("user/")) {
      return PolicySourceType.USER;
    }
    if (id.startsWith("group/")) {
      return PolicySourceType.GROUP;
    }
    if (id.startsWith("role/")) {
      return PolicySourceType.ROLE;
    }
    return id.equals("ResourcePolicy") ? PolicySourceType.RESOURCE : PolicySourceType.NONE;
  }
}
