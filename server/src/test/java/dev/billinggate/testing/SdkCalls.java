package dev.billinggate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Calls any operation of an SDK v2 client by its AWS name with a JSON request, and turns the
 * model response back into JSON keyed by AWS member names: what a data-driven test needs to
 * replay recorded requests through the real client (its serializer, its error parsing).
 */
public final class SdkCalls {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdkCalls() {}

  /** Invokes {@code operation} (e.g. {@code CreateUser}) on {@code client}; SDK exceptions propagate. */
  public static SdkResponse call(Object client, String operation, JsonNode request) {
    Method method = operationMethod(client, operation);
    SdkRequest built = (SdkRequest) build(method.getParameterTypes()[0], request);
    try {
      return (SdkResponse) method.invoke(client, built);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The response's members as JSON, by AWS member name; absent members are left out. */
  public static JsonNode toJson(SdkPojo pojo) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      // absent lists and maps come back as auto-construct placeholders, not as empty ones
      if (value != null && !(value instanceof SdkAutoConstructList<?>) && !(value instanceof SdkAutoConstructMap<?, ?>)) {
        node.set(field.memberName(), toJsonValue(value));
      }
    }
    return node;
  }

  private static JsonNode toJsonValue(Object value) {
    if (value instanceof SdkPojo pojo) {
      return toJson(pojo);
    }
    if (value instanceof Collection<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(toJsonValue(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toJsonValue(v)));
      return object;
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.binaryNode(bytes.asByteArray());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    return NODES.textNode(value.toString());
  }

  private static Method operationMethod(Object client, String operation) {
    String name = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
    for (Class<?> type : client.getClass().getInterfaces()) {
      for (Method m : type.getMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 1
            && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("no operation " + operation + " on " + client.getClass());
  }

  /** Builds a model object of {@code type} from JSON members named as in the AWS model. */
  private static Object build(Class<?> type, JsonNode json) {
    try {
      SdkPojo builder = (SdkPojo) type.getMethod("builder").invoke(null);
      return fill(builder, json);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object fill(SdkPojo builder, JsonNode json) {
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    builder.sdkFields().forEach(f -> fields.put(f.memberName(), f));
    json.fields().forEachRemaining(member -> {
      SdkField<?> field = fields.get(member.getKey());
      if (field == null) {
        throw new IllegalArgumentException("unknown member " + member.getKey() + " in " + fields.keySet());
      }
      field.set(builder, convert(field, member.getValue()));
    });
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private static Object convert(SdkField<?> field, JsonNode value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return value.isTextual() ? value.textValue() : value.toString();
    } else if (type == MarshallingType.INTEGER) {
      return value.asInt();
    } else if (type == MarshallingType.LONG) {
      return value.asLong();
    } else if (type == MarshallingType.BOOLEAN) {
      return value.asBoolean();
    } else if (type == MarshallingType.INSTANT) {
      return Instant.parse(value.textValue());
    } else if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromUtf8String(value.textValue());
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> items = new ArrayList<>();
      value.forEach(item -> items.add(convert(member, item)));
      return items;
    } else if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> entries = new LinkedHashMap<>();
      value.fields().forEachRemaining(e -> entries.put(e.getKey(), convert(member, e.getValue())));
      return entries;
    } else if (type == MarshallingType.SDK_POJO) {
      return fill(field.constructor().get(), value);
    }
    throw new IllegalArgumentException("unsupported member type " + type);
  }
}
