package dev.billinggate.gateway;

import dev.billinggate.auth.sigv4.SigV4Verifier;
import dev.billinggate.auth.sigv4.SignatureParameters;
import dev.billinggate.auth.sigv4.VerifiedRequest;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.Partition;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.protocol.DecodedRequest;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.OperationTable.Entry;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.service.StreamingOperation.Streamed;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The AWS endpoint: every API request goes through {@link #handle}, one ordered chain that either
 * reaches the operation or stops with AWS's error in the service's protocol.
 */
public final class Gateway {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  /** An unsigned request names no region; AWS's global STS endpoint is in us-east-1. */
  private static final String UNSIGNED_REGION = "us-east-1";
  /** The services that answer an unsigned request as the anonymous principal rather than refuse it. */
  private static final Set<ServiceId> ANONYMOUS_SERVICES = EnumSet.of(ServiceId.S3);

  private final ServiceRouter router = new ServiceRouter();
  private final Map<ServiceId, OperationTable> tables = new EnumMap<>(ServiceId.class);
  private final SigV4Verifier verifier;
  private final AccessCheck access;
  private final Clock clock;
  private final AwsIds ids;

  public Gateway(List<ServiceHandler> services, SigV4Verifier verifier, AccessCheck access, Clock clock, AwsIds ids) {
    for (ServiceId id : ServiceId.values()) {
      tables.put(id, new OperationTable(id));
    }
    for (ServiceHandler service : services) {
      service.register(tables.get(service.service()));
    }
    this.verifier = verifier;
    this.access = access;
    this.clock = clock;
    this.ids = ids;
  }

  public HttpResponse handle(HttpRequest request) {
    String requestId = ids.requestId();
    SignatureParameters signature = null;
    AwsException unsigned = null;
    try {
      signature = SignatureParameters.of(request);
    } catch (AwsException e) {
      unsigned = e;
    }
    String scopeService = signature == null ? null : signature.scope().service();
    ServiceId service = router.route(request, scopeService);
    ProtocolCodec codec = ProtocolCodecs.forService(service);
    try {
      if (unsigned != null) {
        return anonymous(service, unsigned) ? dispatch(request, null, codec, requestId)
            : dispatchUnsigned(request, codec, requestId, unsigned);
      }
      if (ServiceId.bySigningName(scopeService) == null) {
        throw CommonError.INVALID_ACTION.exception("billing-gate does not emulate the service '%s'.", scopeService);
      }
      SignatureParameters signed = signature;
      return Partition.in(RegionPartitions.of(signed.scope().region()),
          () -> dispatch(request, signed, codec, requestId));
    } catch (AwsException e) {
      return codec.encodeError(e, requestId);
    } catch (RuntimeException e) {
      log.error("request {} to {} failed", requestId, service, e);
      return codec.encodeError(CommonError.INTERNAL_FAILURE.exception("We encountered an internal error. Please try again."), requestId);
    }
  }

  /** Answers a body over the size limit in the protocol of the service it was meant for. */
  public HttpResponse tooLarge(HttpRequest headersOnly) {
    ProtocolCodec codec = codecFor(headersOnly);
    return codec.encodeError(codec.tooLarge(), ids.requestId());
  }

  /** Answers a request whose client half-closed before its body was complete, if its service has words for it. */
  public Optional<HttpResponse> bodyEnded(HttpRequest headersOnly) {
    return cutShort(headersOnly, ProtocolCodec::bodyEnded);
  }

  /** Answers a request whose body stopped arriving, if its service has words for it. */
  public Optional<HttpResponse> bodyStalled(HttpRequest headersOnly) {
    return cutShort(headersOnly, ProtocolCodec::bodyStalled);
  }

  private Optional<HttpResponse> cutShort(HttpRequest headersOnly, Function<ProtocolCodec, Optional<AwsException>> error) {
    ProtocolCodec codec = codecFor(headersOnly);
    return error.apply(codec).map(e -> codec.encodeError(e, ids.requestId()));
  }

  /**
   * Answers {@code error} in the protocol of the service the request was meant for, without
   * running it: for failures before the chain starts (e.g. the store cannot be reached).
   */
  public HttpResponse refuse(HttpRequest request, AwsException error) {
    return codecFor(request).encodeError(error, ids.requestId());
  }

  private ProtocolCodec codecFor(HttpRequest request) {
    String scope = null;
    try {
      scope = SignatureParameters.of(request).scope().service();
    } catch (AwsException ignored) {
      // unsigned: the router guesses from the headers
    }
    return ProtocolCodecs.forService(router.route(request, scope));
  }

  /**
   * Whether an unsigned request is the anonymous principal's: S3 evaluates a request that carries
   * no signature at all against the bucket policy, where other services refuse it. A malformed
   * signature stays an error.
   */
  private static boolean anonymous(ServiceId service, AwsException unsigned) {
    return ANONYMOUS_SERVICES.contains(service) && unsigned.code() == CommonError.MISSING_AUTHENTICATION_TOKEN;
  }

  /** @param signature the request's signature, {@code null} for the anonymous principal */
  private HttpResponse dispatch(HttpRequest request, SignatureParameters signature, ProtocolCodec codec, String requestId) {
    // 1. Authenticate: SigV4 over the bytes as received, or the anonymous principal for an unsigned request.
    VerifiedRequest verified = signature == null ? verifier.anonymous(request, codec.service())
        : verifier.verify(request, signature, codec.service());
    // 2. Decode the operation's input from the wire, as the service reads it (S3's chunks unframed).
    HttpRequest content = verified.content();
    DecodedRequest decoded = codec.decode(content);
    // 3. Find the behaviour; operations the model knows but nobody implements say so.
    Entry<?, ?> entry = tables.get(codec.service()).find(decoded.operation()).orElseThrow(() ->
        CommonError.NOT_IMPLEMENTED.exception("billing-gate does not implement %s:%s yet.",
            codec.service().signingName(), decoded.operation()));
    // 4. Validate the input against the model's constraints.
    codec.validate(decoded);
    CallContext context = new CallContext(verified.caller(), decoded.operation(), requestId,
        regionOf(verified), clock.instant(), request.remoteAddress(), request.secure());
    // 5. Authorize with the policy engine, then 6. run the operation.
    Streamed<?> output = run(entry, decoded.input(), content.body(), context);
    // 7. Encode the answer.
    return codec.encodeResponse(decoded.operation(), (SdkResponse) output.response(), output.body(), requestId);
  }

  /**
   * A request without a signature reaches only the operations AWS serves unsigned; anything else
   * (including what cannot be decoded) gets the signature error.
   */
  private HttpResponse dispatchUnsigned(HttpRequest request, ProtocolCodec codec, String requestId,
      AwsException missingSignature) {
    DecodedRequest decoded;
    try {
      decoded = codec.decode(request);
    } catch (AwsException e) {
      throw missingSignature;
    }
    Entry<?, ?> entry = tables.get(codec.service()).find(decoded.operation())
        .filter(e -> e.authenticator() != null)
        .orElseThrow(() -> missingSignature);
    codec.validate(decoded);
    CallContext context = new CallContext(null, decoded.operation(), requestId, UNSIGNED_REGION, clock.instant(),
        request.remoteAddress(), request.secure());
    Streamed<?> output = run(entry, decoded.input(), request.body(), context);
    return codec.encodeResponse(decoded.operation(), (SdkResponse) output.response(), output.body(), requestId);
  }

  /**
   * Runs one operation in-process, for the web console: the same validation, authorization and
   * behaviour as a signed request, without SigV4 or the wire encoding. Errors are thrown as
   * {@link AwsException}.
   */
  public <O extends SdkResponse> O invoke(ServiceId service, SdkRequest input, CallContext context, Class<O> output) {
    ProtocolCodec codec = ProtocolCodecs.forService(service);
    String operation = wireName(codec, input);
    Entry<?, ?> entry = tables.get(service).find(operation).orElseThrow(() ->
        CommonError.NOT_IMPLEMENTED.exception("billing-gate does not implement %s:%s yet.", service.signingName(),
            operation));
    codec.validate(new DecodedRequest(operation, input));
    CallContext named = new CallContext(context.caller(), operation, context.requestId(), context.region(),
        context.now(), context.sourceIp(), context.secureTransport());
    return output.cast(run(entry, input, new byte[0], named).response());
  }

  /** The model's name of the operation {@code input} belongs to ({@code ListVirtualMFADevices}, not the class's spelling). */
  private static String wireName(ProtocolCodec codec, SdkRequest input) {
    String simple = input.getClass().getSimpleName();
    String fromClass = simple.substring(0, simple.length() - "Request".length());
    return codec.model().operations().keySet().stream()
        .filter(fromClass::equalsIgnoreCase)
        .findFirst()
        .orElse(fromClass);
  }

  /** The request's region; the SDK's global pseudo-region stands for us-east-1, where AWS's global services live. */
  private static String regionOf(VerifiedRequest verified) {
    if (verified.scope() == null) {
      return UNSIGNED_REGION;
    }
    String region = verified.scope().region();
    return SigV4Verifier.SDK_GLOBAL_REGION.equals(region) ? "us-east-1" : region;
  }

  private <I, O> Streamed<O> run(Entry<I, O> entry, Object input, byte[] body, CallContext context) {
    I typed = entry.requestType().cast(input);
    if (entry.authenticator() != null) {
      context = context.withCaller(entry.authenticator().caller(typed, context));
    }
    AccessTarget target = entry.access().target(typed, context);
    access.check(context.caller(), target, context);
    return entry.streaming().handle(typed, body, context);
  }
}
