package dev.billinggate.emulator;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.sigv4.SigV4Verifier;
import dev.billinggate.auth.sigv4.VerifiedRequest;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.gateway.AccessCheck;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrgMembership;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.store.Store;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * billing-gate's own API beside AWS's, under {@code /_billing-gate/} (as LocalStack has
 * {@code /_localstack/} and moto {@code /moto-api/}): state that AWS keeps but offers no API for,
 * for tools that know they talk to the emulator. Requests are SigV4-signed for the {@code billing}
 * service and authorized by the same engine as every AWS request.
 *
 * <p>{@code GET /_billing-gate/v1/accounts/ACCOUNT/iam-user-access-to-billing} answers
 * {@code {"accountId":…,"iamUserAccessToBilling":"ACTIVATED"|"DEACTIVATED"}}: the switch AWS shows only
 * its root user. The caller needs {@code billing:GetIAMAccessPreference} (the permission behind the
 * Account page's switch) and must be in that account or its organization's management account.
 *
 * <p>Reset and snapshots: see {@link StateApi}.
 */
public final class EmulatorApi {
  public static final String PREFIX = "/_billing-gate/";
  private static final Pattern BILLING_ACCESS =
      Pattern.compile("/_billing-gate/v1/accounts/(\\d{12})/iam-user-access-to-billing");

  private final SigV4Verifier verifier;
  private final AccessCheck access;
  private final OrganizationDirectory organizations;
  private final Store store;
  private final Predicate<String> accountExists;
  private final Clock clock;
  private final AwsIds ids;
  private final StateApi state;
  private final ProtocolCodec codec = ProtocolCodecs.forService(ServiceId.BILLING);

  /**
   * @param state reset and snapshots
   * @param bootstrapAccount the account whose principals may reset and restore the state
   */
  public EmulatorApi(SigV4Verifier verifier, AccessCheck access, OrganizationDirectory organizations, Store store,
      Predicate<String> accountExists, StateControl state, String bootstrapAccount, Clock clock, AwsIds ids) {
    this.state = new StateApi(state, access, bootstrapAccount);
    this.verifier = verifier;
    this.access = access;
    this.organizations = organizations;
    this.store = store;
    this.accountExists = accountExists;
    this.clock = clock;
    this.ids = ids;
  }

  /** Requests under {@link #PREFIX} come here; everything else goes on to {@code next}. */
  public Function<HttpRequest, HttpResponse> mountedOver(Function<HttpRequest, HttpResponse> next) {
    return request -> request.rawPath().startsWith(PREFIX) ? handle(request) : next.apply(request);
  }

  HttpResponse handle(HttpRequest request) {
    String requestId = ids.requestId();
    try {
      Matcher billing = BILLING_ACCESS.matcher(request.rawPath());
      if ("GET".equals(request.method()) && billing.matches()) {
        return billingAccess(billing.group(1), context(request, "GetIamUserAccessToBilling", requestId), requestId);
      }
      Optional<StateApi.Call> call = StateApi.route(request);
      if (call.isPresent()) {
        return state.handle(call.get(), request, context(request, call.get().operation(), requestId))
            .withHeader("x-amzn-RequestId", requestId);
      }
      throw EmulatorApiError.UNKNOWN_OPERATION.exception("billing-gate has no %s %s.", request.method(),
          request.rawPath());
    } catch (AwsException e) {
      return codec.encodeError(e, requestId);
    }
  }

  private CallContext context(HttpRequest request, String operation, String requestId) {
    VerifiedRequest verified = verifier.verify(request, ServiceId.BILLING);
    return new CallContext(verified.caller(), operation, requestId, "us-east-1", clock.instant(),
        request.remoteAddress(), request.secure());
  }

  private HttpResponse billingAccess(String accountId, CallContext context, String requestId) {
    Caller caller = context.caller();
    access.check(caller, AccessTarget.of("billing:GetIAMAccessPreference", "*"), context);
    boolean managing = organizations.membership(accountId).map(OrgMembership::managementAccountId)
        .filter(caller.accountId()::equals).isPresent();
    if (!caller.accountId().equals(accountId) && !managing) {
      throw EmulatorApiError.ACCESS_DENIED.exception("User: %s is not authorized to read the billing access"
          + " preference of account %s: only the account and its organization's management account may.",
          caller.arn(), accountId);
    }
    if (!accountExists.test(accountId)) {
      throw EmulatorApiError.RESOURCE_NOT_FOUND.exception("Account %s does not exist.", accountId);
    }
    boolean activated = store.read(tx -> BillingAccess.isActivated(tx, accountId));
    String body = "{\"accountId\":\"" + accountId + "\",\"iamUserAccessToBilling\":\""
        + (activated ? "ACTIVATED" : "DEACTIVATED") + "\"}";
    return HttpResponse.of(200, "application/json", body).withHeader("x-amzn-RequestId", requestId);
  }
}
