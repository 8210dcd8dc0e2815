package dev.billinggate.protocol;

import dev.billinggate.service.CommonError;
import dev.billinggate.service.ServiceId;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reflection over the AWS SDK model classes, done once per class and cached: request builders by
 * operation, and fields by wire name and by member name ({@code sdkFields()} itself is a static list).
 */
public final class SdkTypes {
  private static final Map<ServiceId, Map<String, Supplier<SdkPojo>>> REQUEST_BUILDERS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Map<String, SdkField<?>>> BY_LOCATION = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Map<String, SdkField<?>>> BY_MEMBER = new ConcurrentHashMap<>();

  private SdkTypes() {}

  /**
   * A factory of fresh builders for {@code <Op>Request}; {@link CommonError#NOT_IMPLEMENTED} when the
   * bundled SDK predates the operation.
   */
  public static SdkPojo requestBuilder(ServiceId service, String operation) {
    return REQUEST_BUILDERS.computeIfAbsent(service, id -> new ConcurrentHashMap<>())
        .computeIfAbsent(operation, op -> builderFactory(service.sdkPackage() + ".model." + op + "Request"))
        .get();
  }

  /** Field by its wire name ({@code locationName}) for decoding into {@code builder}. */
  public static SdkField<?> fieldByLocation(SdkPojo builder, String locationName) {
    return BY_LOCATION.computeIfAbsent(builder.getClass(), type -> index(builder, true)).get(locationName);
  }

  /** Field by its modeled member name, to line the SDK object up with the botocore shape. */
  public static SdkField<?> fieldByMember(SdkPojo pojo, String memberName) {
    return BY_MEMBER.computeIfAbsent(pojo.getClass(), type -> index(pojo, false)).get(memberName);
  }

  /** Builds a builder filled through {@link SdkField#set}. */
  public static SdkPojo build(SdkPojo builder) {
    return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
  }

  /** The field's value, {@code null} when unset; the SDK's auto-constructed empty collections count as unset. */
  public static Object value(SdkField<?> field, Object pojo) {
    Object value = field.getValueOrDefault(pojo);
    return value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap ? null : value;
  }

  private static Supplier<SdkPojo> builderFactory(String className) {
    try {
      Class<?> type = Class.forName(className);
      MethodHandle builder = MethodHandles.publicLookup().findStatic(type, "builder",
          MethodType.methodType(type.getMethod("builder").getReturnType()));
      return () -> {
        try {
          return (SdkPojo) builder.invoke();
        } catch (Throwable e) {
          throw new IllegalStateException("cannot create " + className + " builder", e);
        }
      };
    } catch (ReflectiveOperationException e) {
      return () -> {
        throw CommonError.NOT_IMPLEMENTED.exception("%s is not supported.", className.substring(className.lastIndexOf('.') + 1));
      };
    }
  }

  private static Map<String, SdkField<?>> index(SdkPojo pojo, boolean byLocation) {
    Map<String, SdkField<?>> index = new HashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      index.put(byLocation ? field.locationName() : field.memberName(), field);
    }
    return Map.copyOf(index);
  }
}
