package dev.billinggate.protocol;

import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
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
   * A fresh builder of {@code operation}'s SDK request; {@link CommonError#NOT_IMPLEMENTED} when the
   * bundled SDK predates the operation.
   */
  public static SdkPojo requestBuilder(ServiceId service, String operation) {
    return REQUEST_BUILDERS.computeIfAbsent(service, id -> new ConcurrentHashMap<>())
        .computeIfAbsent(operation, op -> builderFactory(requestClass(service, op), op))
        .get();
  }

  /**
   * The SDK request class of {@code operation}, or {@code null} when the bundled SDK predates it. The
   * SDK keeps most operation names but recases acronyms in class names: {@code ListVirtualMFADevices}
   * is {@code ListVirtualMfaDevicesRequest}, {@code EnableAWSServiceAccess} {@code EnableAwsServiceAccessRequest}.
   */
  public static Class<?> requestClass(ServiceId service, String operation) {
    String prefix = service.sdkPackage() + ".model.";
    for (String name : new String[] {operation, pascalCase(operation)}) {
      try {
        // Not initialized here: S3's codec looks up every operation's class at start, and initializing
        // one builds its whole field table.
        return Class.forName(prefix + name + "Request", false, SdkTypes.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // try the SDK's recased name next
      }
    }
    return null;
  }

  /** The SDK code generator's word casing: {@code SSHPublicKey} becomes {@code SshPublicKey}. */
  static String pascalCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean wordStart = i == 0 || Character.isUpperCase(c) && (!Character.isUpperCase(name.charAt(i - 1))
          || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)));
      out.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
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

  private static Supplier<SdkPojo> builderFactory(Class<?> type, String operation) {
    if (type == null) {
      return () -> {
        throw CommonError.NOT_IMPLEMENTED.exception("%s is not supported.", operation);
      };
    }
    try {
      MethodHandle builder = MethodHandles.publicLookup().findStatic(type, "builder",
          MethodType.methodType(type.getMethod("builder").getReturnType()));
      return () -> {
        try {
          return (SdkPojo) builder.invoke();
        } catch (Throwable e) {
          throw new IllegalStateException("cannot create " + type.getName() + " builder", e);
        }
      };
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " is not an SDK request", e);
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
