package dev.billinggate.service;

import dev.billinggate.auth.Caller;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The operations of one service. Operations the model knows but nobody registered answer
 * {@link CommonError#NOT_IMPLEMENTED}.
 *
 * <p>Keys are case-insensitive because the SDK renames some operations' classes
 * ({@code ListVirtualMFADevices} → {@code ListVirtualMfaDevicesRequest}); the gateway looks entries
 * up by the operation name on the wire.
 */
public final class OperationTable {
  private final ServiceId service;
  private final Map<String, Entry<?, ?>> entries = new HashMap<>();

  public OperationTable(ServiceId service) {
    this.service = service;
  }

  /**
   * @param authenticator for operations AWS serves without a signature (AssumeRoleWithWebIdentity,
   *     AssumeRoleWithSAML): finds the caller in the request itself; {@code null} for signed operations
   */
  public record Entry<I, O>(Class<I> requestType, StreamingOperation<I, O> streaming, AccessRule<I> access,
      Authenticator<I> authenticator) {
    /** The operation for callers that send and expect no body of its own (the console, tests). */
    public Operation<I, O> operation() {
      return (request, context) -> streaming.handle(request, new byte[0], context).response();
    }
  }

  /** Authenticates an unsigned request from its own content (a token, an assertion). */
  @FunctionalInterface
  public interface Authenticator<I> {
    /** @throws AwsException when the request's credentials are not valid */
    Caller caller(I request, CallContext context);
  }

  /** Registers {@code operation}, authorized by {@code access}. */
  public <I extends SdkRequest, O extends SdkResponse> void on(
      Class<I> requestType, AccessRule<I> access, Operation<I, O> operation) {
    register(requestType, access, operation, null);
  }

  /** Registers an operation that reads the request body or answers with one of its own. */
  public <I extends SdkRequest, O extends SdkResponse> void onStreaming(
      Class<I> requestType, AccessRule<I> access, StreamingOperation<I, O> operation) {
    register(requestType, access, operation, null);
  }

  /**
   * Registers an operation AWS accepts unsigned: {@code authenticator} establishes the caller from
   * the request; a signature, if one is sent anyway, is still verified but does not make the caller.
   */
  public <I extends SdkRequest, O extends SdkResponse> void onUnsigned(
      Class<I> requestType, Authenticator<I> authenticator, AccessRule<I> access, Operation<I, O> operation) {
    register(requestType, access, operation, authenticator);
  }

  private <I extends SdkRequest, O extends SdkResponse> void register(
      Class<I> requestType, AccessRule<I> access, Operation<I, O> operation, Authenticator<I> authenticator) {
    register(requestType, access,
        (request, body, context) -> new StreamingOperation.Streamed<>(operation.handle(request, context), null),
        authenticator);
  }

  private <I extends SdkRequest, O extends SdkResponse> void register(Class<I> requestType, AccessRule<I> access,
      StreamingOperation<I, O> operation, Authenticator<I> authenticator) {
    String simple = requestType.getSimpleName();
    if (!simple.endsWith("Request") || !requestType.getPackageName().equals(service.sdkPackage() + ".model")) {
      throw new IllegalArgumentException(requestType + " is not a " + service + " request type");
    }
    String key = simple.substring(0, simple.length() - "Request".length()).toLowerCase(Locale.ROOT);
    if (entries.putIfAbsent(key, new Entry<>(requestType, operation, access, authenticator)) != null) {
      throw new IllegalStateException(service + " registers " + simple + " twice");
    }
  }

  /** Registers {@code operation} authorized as {@code <service>:<Operation>} on resource {@code *}. */
  public <I extends SdkRequest, O extends SdkResponse> void on(Class<I> requestType, Operation<I, O> operation) {
    on(requestType, (request, context) -> AccessTarget.of(service.signingName() + ":" + context.operation(), "*"), operation);
  }

  public ServiceId service() {
    return service;
  }

  /** The entry for the operation named {@code operationName} on the wire. */
  public Optional<Entry<?, ?>> find(String operationName) {
    return Optional.ofNullable(entries.get(operationName.toLowerCase(Locale.ROOT)));
  }
}
