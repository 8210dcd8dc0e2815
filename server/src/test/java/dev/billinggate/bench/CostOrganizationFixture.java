package dev.billinggate.bench;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.core.ServiceId;
import dev.billinggate.costdata.CostData;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.billing.CostManagement;
import dev.billinggate.service.costexplorer.CostExplorerService;
import dev.billinggate.service.costexplorer.CostScope;
import dev.billinggate.service.organizations.AccountProvisioner;
import dev.billinggate.service.organizations.NewMemberAccount;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.service.organizations.OrganizationsService;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import dev.billinggate.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;

/**
 * An organization of {@code accounts} accounts with Cost Explorer enabled, wired from the real
 * services without HTTP, so benchmarks measure Cost Explorer's operations themselves.
 */
public final class CostOrganizationFixture {
  public static final String MANAGEMENT = "123456789012";

  public final Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
  public final InMemoryStore store = new InMemoryStore();
  public final OperationTable costExplorer = new OperationTable(ServiceId.COST_EXPLORER);
  public final CostData data = new CostData(store, clock);
  private final OperationTable organizations = new OperationTable(ServiceId.ORGANIZATIONS);

  public CostOrganizationFixture(int accounts) {
    AwsIds ids = new AwsIds(IdGenerator.secure());
    OrganizationDirectory directory = new OrganizationDirectory(store, new DefaultPolicyEngine());
    new OrganizationsService(store, directory, new DefaultPolicyEngine(), new NoIam(), ids,
        OrganizationsSettings.defaults().withAccountQuota(accounts + 1).withDelays(Duration.ZERO, Duration.ZERO), () -> 0.5)
        .register(organizations);
    CostManagement management = new CostManagement(store, directory, clock, Duration.ZERO);
    new CostExplorerService(new CostScope(management, directory, data), store, ids).register(costExplorer);
    call(organizations, "CreateOrganization", CreateOrganizationRequest.builder().featureSet("ALL").build());
    for (int i = 1; i < accounts; i++) {
      call(organizations, "CreateAccount",
          CreateAccountRequest.builder().accountName("member-" + i).email("m" + i + "@example.com").build());
      // Creations complete on the next observation; at most five may be in progress.
      call(organizations, "ListAccounts", ListAccountsRequest.builder().build());
    }
    management.enableCostExplorer(MANAGEMENT);
  }

  /** Runs an operation as the management account's root user. */
  @SuppressWarnings("unchecked")
  public <O> O call(OperationTable table, String operation, SdkRequest request) {
    var entry = (OperationTable.Entry<SdkRequest, O>) table.find(operation).orElseThrow();
    Caller root = new Caller(CallerType.ROOT, MANAGEMENT, "arn:aws:iam::" + MANAGEMENT + ":root", MANAGEMENT, null,
        null);
    return entry.operation().handle(request,
        new CallContext(root, operation, "bench", "us-east-1", clock.instant(), "127.0.0.1", true));
  }

  /** Organizations needs an identity store only to create accounts; the benchmark needs none. */
  private static final class NoIam implements AccountProvisioner {
    private final Map<String, ExistingAccount> accounts = new ConcurrentHashMap<>(
        Map.of(MANAGEMENT, new ExistingAccount(MANAGEMENT, "mgmt@example.com", "management")));

    @Override
    public Optional<ExistingAccount> find(ReadTx tx, String accountId) {
      return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public Optional<String> accountIdByEmail(ReadTx tx, String email) {
      return accounts.values().stream().filter(a -> a.email().equalsIgnoreCase(email)).map(ExistingAccount::accountId)
          .findFirst();
    }

    @Override
    public void provision(WriteTx tx, NewMemberAccount account) {
      accounts.put(account.accountId(), new ExistingAccount(account.accountId(), account.email(), account.name()));
    }
  }
}
