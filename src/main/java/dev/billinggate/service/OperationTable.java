package dev.billinggate.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The operations of one service, keyed by AWS operation name (the SDK request class name without
 * {@code Request}). Operations the model knows but nobody registered answer
 * {@link CommonError#NOT_IMPLEMENTED}.
 */
public final class OperationTable {
  private final ServiceId service;
  private final Map<String, Entry<?, ?>> entries = new HashMap<>();

  public OperationTable(ServiceId service) {
    this.service = service;
  }

  public record Entry<I, O>(String name, Class<I> requestType, Operation<I, O> operation, AccessRule<I> access) {}

  /** Registers {@code operation}, authorized by {@code access}. */
  public <I extends SdkRequest, O extends SdkResponse> void on(
      Class<I> requestType, AccessRule<I> access, Operation<I, O> operation) {
    String simple = requestType.getSimpleName();
    if (!simple.endsWith("Request") || !requestType.getPackageName().equals(service.sdkPackage() + ".model")) {
      throw new IllegalArgumentException(requestType + " is not a " + service + " request type");
    }
    String name = simple.substring(0, simple.length() - "Request".length());
    if (entries.putIfAbsent(name, new Entry<>(name, requestType, operation, access)) != null) {
      throw new IllegalStateException(service + " registers " + name + " twice");
    }
  }

  /** Registers {@code operation} authorized as {@code <service>:<Operation>} on resource {@code *}. */
  public <I extends SdkRequest, O extends SdkResponse> void on(Class<I> requestType, Operation<I, O> operation) {
    String action = service.signingName() + ":" + requestType.getSimpleName().replaceFirst("Request$", "");
    on(requestType, (request, context) -> AccessTarget.of(action, "*"), operation);
  }

  public ServiceId service() {
    return service;
  }

  public Optional<Entry<?, ?>> find(String operationName) {
    return Optional.ofNullable(entries.get(operationName));
  }
}
