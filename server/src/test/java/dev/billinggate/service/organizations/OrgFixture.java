package dev.billinggate.service.organizations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.core.ServiceId;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.assertj.core.api.AbstractThrowableAssert;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountResponse;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * An Organizations service over a test store, with a clock tests move and callers by account id.
 * Operations are invoked through the {@link OperationTable}, as the gateway does.
 */
final class OrgFixture {
  static final String MGMT = "111111111111";

  final Store store;
  final PolicyEngine engine = new DefaultPolicyEngine();
  final FakeProvisioner provisioner;
  final OrganizationDirectory directory;
  final OperationTable table = new OperationTable(ServiceId.ORGANIZATIONS);
  Instant now = Instant.parse("2026-11-24T05:00:00Z");

  OrgFixture() {
    this(OrganizationsSettings.defaults(), () -> 0.5);
  }

  OrgFixture(OrganizationsSettings settings, DoubleSupplier random) {
    this(new InMemoryStore(), settings, random);
  }

  OrgFixture(Store store, OrganizationsSettings settings, DoubleSupplier random) {
    this.store = store;
    this.provisioner = new FakeProvisioner(store);
    this.directory = new OrganizationDirectory(store, engine);
    store.declare(OrganizationsService.tables().toArray(Table<?>[]::new));
    new OrganizationsService(store, directory, engine, provisioner, new AwsIds(IdGenerator.seeded(7)), settings, random)
        .register(table);
    provisioner.addStandalone(MGMT, "mgmt@example.com");
  }

  static Caller caller(String accountId) {
    return new Caller(CallerType.ROOT, accountId, "arn:aws:iam::" + accountId + ":root", accountId, null, null);
  }

  CallContext context(String accountId, String operation) {
    return new CallContext(caller(accountId), operation, "req-1", "us-east-1", now, "127.0.0.1", true);
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @SuppressWarnings("unchecked")
  <O> O call(String accountId, SdkRequest request) {
    var entry = (OperationTable.Entry<SdkRequest, O>) table.find(operationName(request)).orElseThrow();
    return entry.operation().handle(request, context(accountId, operationName(request)));
  }

  <O> O mgmt(SdkRequest request) {
    return call(MGMT, request);
  }

  @SuppressWarnings("unchecked")
  AccessTarget access(String accountId, SdkRequest request) {
    var entry = (OperationTable.Entry<SdkRequest, ?>) table.find(operationName(request)).orElseThrow();
    return entry.access().target(request, context(accountId, operationName(request)));
  }

  AbstractThrowableAssert<?, ? extends Throwable> fails(String accountId, SdkRequest request, String code) {
    return assertThatThrownBy(() -> call(accountId, request))
        .isInstanceOf(AwsException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AwsException) e).code().code()).isEqualTo(code));
  }

  /** Asserts a ConstraintViolation/InvalidInput-style error with its {@code Reason}. */
  void failsWithReason(String accountId, SdkRequest request, String code, String reason) {
    fails(accountId, request, code)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AwsException) e).fields()).containsEntry("Reason", reason));
  }

  CreateOrganizationResponse createOrganization() {
    return mgmt(CreateOrganizationRequest.builder().featureSet(OrganizationFeatureSet.ALL).build());
  }

  String rootId() {
    return directory.membership(MGMT).orElseThrow().path().get(0);
  }

  String createOu(String parentId, String name) {
    CreateOrganizationalUnitResponse r =
        mgmt(CreateOrganizationalUnitRequest.builder().parentId(parentId).name(name).build());
    return r.organizationalUnit().id();
  }

  /** Creates a member account and waits out the creation delay; returns its id. */
  String createAccount(String name) {
    CreateAccountResponse r = mgmt(CreateAccountRequest.builder().accountName(name).email(name + "@example.com").build());
    return awaitCreate(r.createAccountStatus().id()).accountId();
  }

  CreateAccountStatus awaitCreate(String requestId) {
    advance(Duration.ofSeconds(3));
    DescribeCreateAccountStatusResponse d =
        mgmt(DescribeCreateAccountStatusRequest.builder().createAccountRequestId(requestId).build());
    return d.createAccountStatus();
  }

  /** An account outside any organization that IAM knows. */
  String standalone(String accountId) {
    provisioner.addStandalone(accountId, "owner-" + accountId + "@example.com");
    return accountId;
  }

  private static String operationName(SdkRequest request) {
    return request.getClass().getSimpleName().replaceFirst("Request$", "");
  }
}
