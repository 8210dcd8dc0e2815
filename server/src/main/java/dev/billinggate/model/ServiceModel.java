package dev.billinggate.model;

import dev.billinggate.core.ServiceId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's botocore model: operations, shapes and error shapes. Loaded on first use and cached,
 * so process start pays nothing for services nobody calls.
 */
public final class ServiceModel {
  private static final Map<ServiceId, ServiceModel> CACHE = new ConcurrentHashMap<>();

  private final ServiceId service;
  private final Map<String, OperationModel> operations;
  private final Map<String, Shape> shapes;
  private final Map<String, ErrorInfo> errorsByCode;

  ServiceModel(ServiceId service, Map<String, OperationModel> operations, Map<String, Shape> shapes,
      Map<String, ErrorInfo> errorsByCode) {
    this.service = service;
    this.operations = Map.copyOf(operations);
    this.shapes = Map.copyOf(shapes);
    this.errorsByCode = Map.copyOf(errorsByCode);
  }

  /** The model of {@code service}, parsed from {@code /aws-models/<name>/service-2.json.gz} on first call. */
  public static ServiceModel of(ServiceId service) {
    return CACHE.computeIfAbsent(service, ModelLoader::load);
  }

  public ServiceId service() {
    return service;
  }

  public Optional<OperationModel> operation(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  public Map<String, OperationModel> operations() {
    return operations;
  }

  /** The shape named {@code name}; the model is closed, so a missing shape is a bug. */
  public Shape shape(String name) {
    Shape shape = shapes.get(name);
    if (shape == null) {
      throw new IllegalArgumentException(service + " model has no shape " + name);
    }
    return shape;
  }

  /** The modeled error whose wire code is {@code code}, if the service models one. */
  public Optional<ErrorInfo> error(String code) {
    return Optional.ofNullable(errorsByCode.get(code));
  }
}
