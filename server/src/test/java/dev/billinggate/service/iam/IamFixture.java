package dev.billinggate.service.iam;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.core.MutableClock;
import dev.billinggate.core.ServiceId;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.sts.StsService;
import dev.billinggate.store.memory.InMemoryStore;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;

/**
 * Two accounts with their services (on InMemoryStore and the real policy engine), a movable clock
 * and callers.
 */
public final class IamFixture {
  public static final String ACCOUNT = "123456789012";
  public static final String OTHER_ACCOUNT = "210987654321";
  public static final String ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";
  public static final String ALLOW_ALL = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
  public static final String TRUST_ACCOUNT = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},\
      "Action":"sts:AssumeRole"}]}""";

  public final MutableClock clock = new MutableClock();
  public final InMemoryStore store = new InMemoryStore();
  public final RecordingEngine engine = new RecordingEngine();
  public final AwsManagedPolicies awsPolicies = AwsManagedPolicies.load();
  public final IamEnv env = new IamEnv(store, engine, awsPolicies, clock, new AwsIds(IdGenerator.seeded(42)));
  public final IamService iam = new IamService(env, new Passwords(4));
  public final StsService sts = new StsService(env);

  public final OperationTable iamTable = new OperationTable(ServiceId.IAM);
  public final OperationTable stsTable = new OperationTable(ServiceId.STS);

  public IamFixture() {
    iam.register(iamTable);
    sts.register(stsTable);
    iam.accounts().createAccount(ACCOUNT, "root@example.com", "Main", "Root-Pass-123");
    iam.accounts().createAccount(OTHER_ACCOUNT, "other@example.com", "Other", null);
  }

  public CallContext ctx(Caller caller) {
    return new CallContext(caller, "Test", "req-1", "us-east-1", clock.instant(), "192.0.2.10", true);
  }

  public CallContext root() {
    return ctx(rootCaller(ACCOUNT));
  }

  public static Caller rootCaller(String account) {
    return new Caller(CallerType.ROOT, account, IamArns.root(account), account, "AKIAROOT", null);
  }

  public Caller userCaller(String name) {
    IamSchema.User user = store.read(tx -> tx.get(IamSchema.USERS, IamSchema.key(ACCOUNT, name))).orElseThrow();
    return new Caller(CallerType.IAM_USER, ACCOUNT, IamArns.user(ACCOUNT, user.path(), user.name()), user.id(),
        "AKIAUSER", null);
  }

  public software.amazon.awssdk.services.iam.model.User createUser(String name) {
    return iam.users().createUser(CreateUserRequest.builder().userName(name).build(), root()).user();
  }

  public software.amazon.awssdk.services.iam.model.Role createRole(String name, String trust) {
    return iam.roles().createRole(CreateRoleRequest.builder().roleName(name).assumeRolePolicyDocument(trust).build(),
        root()).role();
  }

  /** Runs a registered operation as the gateway would (after authorization). */
  @SuppressWarnings("unchecked")
  public <O> O call(SdkRequest request, CallContext context) {
    return ((OperationTable.Entry<SdkRequest, O>) entry(request)).operation().handle(request, named(request, context));
  }

  /** What the operation's access rule asks the authorizer to check. */
  @SuppressWarnings("unchecked")
  public AccessTarget target(SdkRequest request, CallContext context) {
    return ((OperationTable.Entry<SdkRequest, ?>) entry(request)).access().target(request, named(request, context));
  }

  private static CallContext named(SdkRequest request, CallContext context) {
    return new CallContext(context.caller(), operationName(request), context.requestId(), context.region(),
        context.now(), context.sourceIp(), context.secureTransport());
  }

  private static String operationName(SdkRequest request) {
    return request.getClass().getSimpleName().replaceFirst("Request$", "");
  }

  private OperationTable.Entry<?, ?> entry(SdkRequest request) {
    String name = operationName(request);
    OperationTable table = request.getClass().getPackageName().contains(".sts.") ? stsTable : iamTable;
    return table.find(name).orElseThrow(() -> new AssertionError(name + " is not registered"));
  }
}
