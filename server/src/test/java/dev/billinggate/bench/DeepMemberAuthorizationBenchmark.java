package dev.billinggate.bench;

import dev.billinggate.app.DirectoryIamOrganizations;
import dev.billinggate.app.DirectoryOrganizationPolicies;
import dev.billinggate.app.IamAccountProvisioner;
import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.Session;
import dev.billinggate.authz.Authorizer;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.core.ServiceId;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.iam.IamSchema;
import dev.billinggate.service.iam.IamService;
import dev.billinggate.service.iam.Passwords;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.service.organizations.OrganizationsService;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.service.sts.StsSchema;
import dev.billinggate.service.sts.StsService;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.organizations.model.AttachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.CreatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.CreatePolicyResponse;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.MoveAccountRequest;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * {@link Authorizer#authorize} at AWS's largest organization: 10,000 accounts in 500 OUs (100 under
 * the root, 4 nested levels below each), built through the IAM and Organizations operations (not
 * HTTP). The measured account sits 5 OUs deep; the root, each of its OUs and the account carry 5
 * SCPs each (FullAWSAccess and 4 conditional guardrails), all of which an allowed request evaluates.
 * Two callers: the management account's admin in the member through OrganizationAccountAccessRole
 * (AdministratorAccess; iam:ListUsers) and an AssumeRoot session (IAMAuditRootUserCredentials;
 * iam:GetAccountSummary). Set-up takes about half a minute.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main \
 *   -Djmh.ignoreLock=true -Dexec.args="DeepMemberAuthorizationBenchmark -f 0 -wi 3 -w 2s -i 5 -r 3s"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeepMemberAuthorizationBenchmark {
  private static final String MGMT = "111111111111";
  private static final int ACCOUNTS = 10_000;
  private static final int TOP_OUS = 100;
  private static final int NESTED_PER_TOP = 4;
  private static final int GUARDRAILS_PER_LEVEL = 4;
  private static final String AUDIT = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";

  private final Store store = new InMemoryStore();
  private final PolicyEngine engine = new DefaultPolicyEngine();
  private final OperationTable orgTable = new OperationTable(ServiceId.ORGANIZATIONS);
  private final OperationTable iamTable = new OperationTable(ServiceId.IAM);
  private Instant now = Instant.parse("2026-11-24T05:00:00Z");
  private IamService iam;
  private Authorizer authorizer;

  private Caller admin;
  private CallContext adminContext;
  private AccessTarget listUsers;
  private Caller root;
  private CallContext rootContext;
  private AccessTarget accountSummary;

  @Setup
  public void setUp() {
    IamEnv env = new IamEnv(store, engine, AwsManagedPolicies.load(), Clock.fixed(now, ZoneOffset.UTC),
        new AwsIds(IdGenerator.seeded(11)));
    OrganizationDirectory directory = new OrganizationDirectory(store, engine);
    iam = new IamService(env, new Passwords(4), new DirectoryIamOrganizations(directory));
    OrganizationsService organizations = new OrganizationsService(store, directory, engine,
        new IamAccountProvisioner(iam.accounts(), iam.memberAccounts(), BillingAccess.DefaultRule.DOCUMENTED_ALLOW), new AwsIds(IdGenerator.seeded(7)),
        OrganizationsSettings.defaults().withAccountQuota(ACCOUNTS + 1).withDelays(Duration.ZERO, Duration.ZERO),
        () -> 0.5);
    List<Table<?>> tables = new ArrayList<>(IamSchema.tables());
    tables.addAll(StsSchema.tables());
    tables.addAll(OrganizationsService.tables());
    store.declare(tables.toArray(Table<?>[]::new));
    organizations.register(orgTable);
    iam.register(iamTable);
    iam.accounts().createAccount(MGMT, "mgmt@example.com", "Management", null);
    authorizer = new Authorizer(store, engine, iam.identityPolicies(), new DirectoryOrganizationPolicies(directory));

    String member = populate();
    String roleArn = IamArns.role(member, "/", "OrganizationAccountAccessRole");
    String roleId = store.read(tx -> tx.get(IamSchema.ROLES, IamSchema.key(member, "OrganizationAccountAccessRole")))
        .orElseThrow().id();
    admin = new Caller(CallerType.ASSUMED_ROLE, member, IamArns.assumedRole(member, "OrganizationAccountAccessRole",
        "admin"), roleId + ":admin", "ASIABENCHADMIN000001", session(roleArn, roleId, List.of()));
    adminContext = context(admin, "ListUsers");
    listUsers = AccessTarget.of("iam:ListUsers", IamArns.user(member, "/", ""));
    root = new Caller(CallerType.ASSUMED_ROOT, member, IamArns.root(member), member, "ASIABENCHROOT0000001",
        session(IamArns.root(member), member, List.of(AUDIT)));
    rootContext = context(root, "GetAccountSummary");
    accountSummary = AccessTarget.of("iam:GetAccountSummary", "*");
    // Fail fast if the set-up denies what the benchmark measures as allowed.
    authorizer.authorize(admin, listUsers, adminContext);
    authorizer.authorize(root, accountSummary, rootContext);
  }

  @Benchmark
  public void memberAdminThroughAccessRole() {
    authorizer.authorize(admin, listUsers, adminContext);
  }

  @Benchmark
  public void assumedRootAudit() {
    authorizer.authorize(root, accountSummary, rootContext);
  }

  /** Builds the organization; returns the measured member, in an OU five levels deep. */
  private String populate() {
    org(CreateOrganizationRequest.builder().featureSet(OrganizationFeatureSet.ALL).build());
    String rootId = this.<ListRootsResponse>org(ListRootsRequest.builder().build()).roots().get(0).id();
    org(EnablePolicyTypeRequest.builder().rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY).build());
    org(EnableAwsServiceAccessRequest.builder().servicePrincipal("iam.amazonaws.com").build());
    iamCall(EnableOrganizationsRootSessionsRequest.builder().build());

    List<String> ous = new ArrayList<>();
    for (int top = 0; top < TOP_OUS; top++) {
      String parent = ou(rootId, "top-" + top);
      ous.add(parent);
      for (int level = 0; level < NESTED_PER_TOP; level++) {
        parent = ou(parent, "level-" + level);
        ous.add(parent);
      }
    }
    for (int i = 0; i < ACCOUNTS; i++) {
      org(CreateAccountRequest.builder().accountName("acct-" + i).email("acct-" + i + "@example.com").build());
      now = now.plusMillis(1);
    }
    org(ListRootsRequest.builder().build()); // completes the last request
    String measured = null;
    int i = 0;
    String token = null;
    do {
      ListAccountsResponse page = org(ListAccountsRequest.builder().nextToken(token).build());
      for (var account : page.accounts()) {
        if (!account.id().equals(MGMT)) {
          String ou = ous.get(i++ % ous.size());
          org(MoveAccountRequest.builder().accountId(account.id()).sourceParentId(rootId).destinationParentId(ou)
              .build());
          if (measured == null && ou.equals(ous.get(NESTED_PER_TOP))) {
            measured = account.id();
          }
        }
      }
      token = page.nextToken();
    } while (token != null);

    List<String> levels = new ArrayList<>();
    levels.add(rootId);
    levels.addAll(ous.subList(0, NESTED_PER_TOP + 1));
    levels.add(measured);
    for (int level = 0; level < levels.size(); level++) {
      for (int g = 0; g < GUARDRAILS_PER_LEVEL; g++) {
        String target = levels.get(level);
        CreatePolicyResponse policy = org(CreatePolicyRequest.builder().name("guardrail-" + level + "-" + g)
            .description("").type(PolicyType.SERVICE_CONTROL_POLICY).content(guardrail(level, g)).build());
        org(AttachPolicyRequest.builder().policyId(policy.policy().policySummary().id()).targetId(target).build());
      }
    }
    return measured;
  }

  /** Four kinds of real-world guardrail, none of which denies the measured requests. */
  private static String guardrail(int level, int kind) {
    String sid = "\"Sid\":\"L" + level + "G" + kind + "\",";
    String statement = switch (kind) {
      case 0 -> "{" + sid + "\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\",\"organizations:*\",\"sts:*\",\"ce:*\","
          + "\"budgets:*\",\"support:*\"],\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":"
          + "{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-" + (level % 3 + 1) + "\"]}}}";
      case 1 -> "{" + sid + "\"Effect\":\"Deny\",\"Action\":[\"organizations:LeaveOrganization\",\"account:CloseAccount\","
          + "\"iam:CreateLoginProfile\"],\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:AssumedRoot\":\"false\"}}}";
      case 2 -> "{" + sid + "\"Effect\":\"Deny\",\"Action\":[\"iam:Create*\",\"iam:Delete*\",\"iam:Put*\",\"iam:Attach*\"],"
          + "\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:role/"
          + "OrganizationAccountAccessRole\",\"arn:aws:iam::*:root\"]}}}";
      default -> "{" + sid + "\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
          + "{\"aws:SecureTransport\":\"false\"}}}";
    };
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
  }

  private String ou(String parent, String name) {
    CreateOrganizationalUnitResponse created =
        org(CreateOrganizationalUnitRequest.builder().parentId(parent).name(name).build());
    return created.organizationalUnit().id();
  }

  private Session session(String issuerArn, String issuerId, List<String> policyArns) {
    return new Session(issuerArn, issuerId, "admin", now, now.plusSeconds(900), null, policyArns, Map.of(),
        List.of(), null, false);
  }

  private static Caller rootCaller(String account) {
    return new Caller(CallerType.ROOT, account, IamArns.root(account), account, null, null);
  }

  private CallContext context(Caller caller, String operation) {
    return new CallContext(caller, operation, "bench", "us-east-1", now, "192.0.2.10", true);
  }

  private <O> O org(SdkRequest request) {
    return call(orgTable, request);
  }

  private <O> O iamCall(SdkRequest request) {
    return call(iamTable, request);
  }

  @SuppressWarnings("unchecked")
  private <O> O call(OperationTable table, SdkRequest request) {
    String simple = request.getClass().getSimpleName();
    String operation = simple.substring(0, simple.length() - "Request".length());
    var entry = (OperationTable.Entry<SdkRequest, O>) table.find(operation).orElseThrow();
    return entry.operation().handle(request, context(rootCaller(MGMT), operation));
  }
}
