package dev.billinggate.app;

import dev.billinggate.auth.CredentialLookup;
import dev.billinggate.auth.sigv4.SigV4Verifier;
import dev.billinggate.authz.Authorizer;
import dev.billinggate.console.Console;
import dev.billinggate.console.ConsoleServices;
import dev.billinggate.console.ConsoleSettings;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.costdata.CostData;
import dev.billinggate.emulator.EmulatorApi;
import dev.billinggate.emulator.HealthProbes;
import dev.billinggate.emulator.IdentityProviderApi;
import dev.billinggate.emulator.MotoApi;
import dev.billinggate.emulator.StateControl;
import dev.billinggate.gateway.Gateway;
import dev.billinggate.gateway.RegionPartitions;
import dev.billinggate.gateway.http.HttpServerConfig;
import dev.billinggate.gateway.http.NettyHttpServer;
import dev.billinggate.idp.TestIdentityProvider;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import dev.billinggate.service.account.AccountRecords.AccountFacts;
import dev.billinggate.service.account.AccountService;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.billing.BillingService;
import dev.billinggate.service.billing.CostManagement;
import dev.billinggate.service.budgets.BudgetsService;
import dev.billinggate.service.costexplorer.CostApis;
import dev.billinggate.service.costexplorer.CostExplorerService;
import dev.billinggate.service.costexplorer.CostReports;
import dev.billinggate.service.costexplorer.CostScope;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.iam.IamService;
import dev.billinggate.service.iam.Passwords;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.service.organizations.OrganizationsService;
import dev.billinggate.service.sts.StoredCredentialLookup;
import dev.billinggate.service.s3.S3ControlService;
import dev.billinggate.service.s3.S3Service;
import dev.billinggate.service.sqs.SqsService;
import dev.billinggate.service.sts.StsService;
import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.Store;
import dev.billinggate.store.StoreException;
import dev.billinggate.store.memory.InMemoryStore;
import dev.billinggate.store.postgres.PostgresStore;
import dev.billinggate.store.sqlite.SqliteStore;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * The composition root: the only place that picks implementations and wires them. {@link #start}
 * returns once the endpoint accepts requests.
 */
public final class BillingGate implements AutoCloseable {
  /** The bootstrap admin's access key (PRODUCT.md), which clients on this machine sign with by default. */
  public static final String ADMIN_ACCESS_KEY_ID = Bootstrap.ADMIN_ACCESS_KEY_ID;
  public static final String ADMIN_SECRET_ACCESS_KEY = Bootstrap.ADMIN_SECRET_ACCESS_KEY;
  private static final AtomicBoolean PREPARING = new AtomicBoolean();

  private final Store store;
  private final NettyHttpServer server;
  private final URI endpoint;
  private final IamService iam;
  private final CostApis costs;
  private final StateControl state;

  private BillingGate(Store store, NettyHttpServer server, String host, IamService iam, CostApis costs,
      StateControl state) {
    this.store = store;
    this.server = server;
    this.iam = iam;
    this.endpoint = URI.create("http://" + host + ":" + server.port());
    this.costs = costs;
    this.state = state;
  }

  public static BillingGate start(ServerConfig config, PrintStream out) {
    return start(config, out, Clock.systemUTC());
  }

  public static BillingGate start(ServerConfig config, PrintStream out, Clock clock) {
    prepareInBackground();
    // The bootstrap is the first user of the managed policies; reading them overlaps what comes before it.
    AwsManagedPolicies awsPolicies = AwsManagedPolicies.shipped();
    Store store = config.inMemory() ? new InMemoryStore() : open(config);
    BillingGate gate;
    try {
      gate = wire(config, out, clock, store, awsPolicies);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return gate;
  }

  /**
   * Starts reading the managed policies (see {@link AwsManagedPolicies#shipped}) and, on a daemon
   * thread, what the first requests would otherwise wait for: STS's model first
   * (clients check that a server is up with GetCallerIdentity), Netty's transport, the SDK's
   * partition table (every signed request's region is looked up in it), then every other service's
   * model. The launcher
   * calls this before it parses the command line, so the work overlaps that; {@link #start} calls it
   * too. Only the first call starts anything; a model still loading when its service is first used
   * is waited for, not loaded twice.
   */
  public static void prepareInBackground() {
    if (!PREPARING.compareAndSet(false, true)) {
      return;
    }
    AwsManagedPolicies.shipped();
    Thread loader = new Thread(() -> {
      ProtocolCodecs.forService(ServiceId.STS);
      NettyHttpServer.prepare();
      RegionPartitions.of(Region.US_EAST_1.id());
      for (ServiceId id : ServiceId.values()) {
        ProtocolCodecs.forService(id);
      }
    }, "model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  private static BillingGate wire(ServerConfig config, PrintStream out, Clock clock, Store store,
      AwsManagedPolicies awsPolicies) {
    IdGenerator random = IdGenerator.secure();
    AwsIds ids = new AwsIds(random);
    PolicyEngine engine = new DefaultPolicyEngine();
    IamEnv env = new IamEnv(store, engine, awsPolicies, clock, ids);
    OrganizationDirectory directory = new OrganizationDirectory(store, engine);
    DirectoryIamOrganizations iamOrganizations = new DirectoryIamOrganizations(directory);
    Passwords hashing = Passwords.standard();
    IamService iam = new IamService(env, hashing, iamOrganizations, config.serviceLinkedRoleDeletionDelay());
    TestIdentityProvider idp = new TestIdentityProvider(store, clock, random);
    StsService sts = new StsService(env, iamOrganizations, idp::jwks);
    SecureRandom faults = new SecureRandom();
    OrganizationsService organizations = new OrganizationsService(store, directory, engine,
        new IamAccountProvisioner(iam.accounts(), iam.memberAccounts(), config.billingAccessDefault()), ids,
        config.organizations(),
        faults::nextDouble);
    CostManagement costManagement = new CostManagement(store, directory, clock, Duration.ZERO);
    CostData costData = new CostData(store, clock);
    CostScope costScope = new CostScope(costManagement, directory, costData);
    CostApis costs = new CostApis(costManagement, new CostReports(costScope), costData);
    CostExplorerService costExplorer = new CostExplorerService(costScope, store, ids);
    BudgetsService budgets = new BudgetsService(store, costScope);
    AccountService account = new AccountService(store, directory,
        id -> iam.accounts().find(id).map(a -> new AccountFacts(a.name(), a.createdAt())));

    // Servers starting together on a new shared database: one bootstraps, the others find it done.
    Bootstrap.Passwords passwords = store.alone(() -> {
      Bootstrap.Passwords made = Bootstrap.needed(iam) ? Bootstrap.runOrReuse(iam, hashing, store, config, random, clock)
          : null;
      if (made != null) {
        store.snapshots().save(EmulatorState.FIRST_START, clock.instant());
      }
      return made;
    });

    Authorizer authorizer = new Authorizer(store, engine, iam.identityPolicies(),
        new DirectoryOrganizationPolicies(directory));
    StoredCredentialLookup credentials = new StoredCredentialLookup(store);
    SigV4Verifier verifier = config.motoCompat()
        ? new SigV4Verifier(credentials, clock, () -> credentials.find(Bootstrap.ADMIN_ACCESS_KEY_ID)
            .map(CredentialLookup.Credential::caller))
        : new SigV4Verifier(credentials, clock);
    // Queue URLs name the endpoint, known once the server is bound.
    AtomicReference<URI> endpoint = new AtomicReference<>();
    SqsService sqs = new SqsService(store, random, endpoint::get);
    Gateway gateway = new Gateway(
        List.of(iam, sts, organizations, costExplorer, budgets, new BillingService(), account, sqs, new S3Service(store),
            new S3ControlService(store)),
        verifier, authorizer::authorize, clock, ids);
    Console console = new Console(new ConsoleServices(store, iam.signIn(), authorizer, gateway,
        directory, costs, clock, ids), ConsoleSettings.defaults());
    RequestGate requests = new RequestGate();
    // Everything services keep in memory about stored state. Content-keyed caches (compiled
    // policies, SigV4 signing keys) stay valid: the same key always means the same value.
    Runnable forgetCachedState = () -> {
      directory.invalidate();
      costData.forgetCached();
    };
    EmulatorState state = new EmulatorState(store.snapshots(), requests, clock, () -> {
      forgetCachedState.run();
      console.signOutEveryone();
    }, () -> Bootstrap.rebuild(config, out, clock), new TwinLoader(store, iam.accountImport(), clock));
    // Another server's commits change the stored state as a restore here does.
    store.onChangedElsewhere(forgetCachedState);
    EmulatorApi emulatorApi = new EmulatorApi(verifier, authorizer::authorize, directory, store,
        id -> iam.accounts().find(id).isPresent(), state, Bootstrap.ACCOUNT_ID, clock, ids);
    // Clients check that the server is up with GetCallerIdentity: its codec is ready before the port opens.
    ProtocolCodecs.forService(ServiceId.STS);
    IdentityProviderApi idpApi = new IdentityProviderApi(idp, verifier, authorizer::authorize, clock, ids);
    // The state API stays outside the request gate: a reset waits for the requests in flight.
    // Probes answer without the store; every other request first catches up with other servers' writes.
    Function<HttpRequest, HttpResponse> handler = new HealthProbes(store::ready).mountedOver(StoreSync.around(store,
        gateway, idpApi.mountedOver(emulatorApi.mountedOver(requests.around(console.mountedOver(gateway::handle))),
            requests::around)));
    NettyHttpServer server = listen(config, gateway,
        config.motoCompat() ? new MotoApi(state, ids).mountedOver(handler) : handler);
    BillingGate gate = new BillingGate(store, server, config.host(), iam, costs, state);
    endpoint.set(gate.endpoint);
    Banner.print(out, gate.endpoint, config, passwords);
    return gate;
  }

  private static NettyHttpServer listen(ServerConfig config, Gateway gateway,
      Function<HttpRequest, HttpResponse> handler) {
    // The same on every store: with read leases a request on PostgreSQL waits for the database no more
    // than one on SQLite does, and more threads only slowed reads (docs/benchmarks.md, PostgreSQL).
    int workers = 2 * Runtime.getRuntime().availableProcessors();
    HttpServerConfig http = new HttpServerConfig(config.host(), config.port(), ProtocolCodec.MAX_WIRE_BYTES,
        workers, gateway::tooLarge)
        .withIncompleteBody(HttpServerConfig.DEFAULT_BODY_TIMEOUT, gateway::bodyEnded, gateway::bodyStalled);
    try {
      return NettyHttpServer.start(http, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + config.host() + ":" + config.port(), e);
    } catch (Exception e) {
      // Netty rethrows the socket's IOException unchecked (a native one under epoll).
      throw new StartupException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  private static Store open(ServerConfig config) {
    try {
      return config.postgres() != null
          ? PostgresStore.open(config.postgres(), config.postgresSettings())
          : SqliteStore.open(config.dataDir());
    } catch (StoreException e) {
      throw new StartupException("cannot open the store: " + e.getMessage(), e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** IAM's operations, for what has no API: e.g. giving a member's root user standalone credentials. */
  public IamService iam() {
    return iam;
  }

  /** Cost Explorer enablement, Cost Management preferences, billing-page figures and cost import. */
  public CostApis costs() {
    return costs;
  }

  /**
   * Back to the first-start state (the bootstrap account, its users and passwords as at the first
   * start), as {@code POST /_billing-gate/v1/reset} does. Requests in flight finish first; requests
   * arriving meanwhile wait and then see the reset state.
   */
  public void reset() {
    state.reset();
  }

  /**
   * Saves the whole state as {@code name}, replacing a snapshot of that name; durable with
   * {@code --data}.
   *
   * @throws IllegalArgumentException if the name is not 1–128 letters, digits, '.', '_', '-'
   *     starting with a letter or digit
   */
  public SnapshotInfo saveSnapshot(String name) {
    return state.save(name);
  }

  /**
   * Makes snapshot {@code name} the whole state.
   *
   * @throws NoSuchElementException if there is no such snapshot (nothing changed)
   * @throws IllegalArgumentException if the name is invalid
   */
  public void restoreSnapshot(String name) {
    if (!state.restore(name)) {
      throw new NoSuchElementException("no snapshot named " + name);
    }
  }

  /** The saved and imported snapshots, by name. */
  public List<SnapshotInfo> listSnapshots() {
    return state.list();
  }

  /** @return false if there was no such snapshot */
  public boolean deleteSnapshot(String name) {
    return state.delete(name);
  }

  /** Reset, snapshots, export and import, as the {@code state} CLI and the HTTP API see them. */
  public StateControl state() {
    return state;
  }

  /**
   * Sets an account's "IAM user and role access to billing information" as its root user does on the
   * console's Account page: AWS has no API for it, so tests and fixtures set it here.
   */
  public void setIamUserAccessToBilling(String accountId, boolean activated) {
    if (iam.accounts().find(accountId).isEmpty()) {
      throw new IllegalArgumentException("no account " + accountId);
    }
    store.write(tx -> {
      BillingAccess.set(tx, accountId, activated);
      return null;
    });
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
