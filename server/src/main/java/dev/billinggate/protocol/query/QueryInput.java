package dev.billinggate.protocol.query;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.protocol.ScalarText;
import dev.billinggate.protocol.SdkTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Decodes flattened awsQuery parameters into an SDK builder: structures as {@code Name.Member},
 * lists as {@code Name.member.N} (1-based; {@code Name=} alone is an empty list), maps as
 * {@code Name.entry.N.key} / {@code Name.entry.N.value}.
 */
final class QueryInput {
  private QueryInput() {}

  static void read(QueryParams params, String prefix, SdkPojo builder) {
    for (SdkField<?> field : builder.sdkFields()) {
      Object value = value(params, prefix + field.locationName(), field);
      if (value != null) {
        field.set(builder, value);
      }
    }
  }

  private static Object value(QueryParams params, String name, SdkField<?> field) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      if (!params.hasPrefix(name + ".")) {
        return null;
      }
      SdkPojo nested = field.constructor().get();
      read(params, name + ".", nested);
      return SdkTypes.build(nested);
    }
    if (type == MarshallingType.LIST) {
      return list(params, name, field.getRequiredTrait(ListTrait.class));
    }
    if (type == MarshallingType.MAP) {
      return map(params, name, field.getRequiredTrait(MapTrait.class));
    }
    String text = params.get(name);
    return text == null ? null : scalar(text, type, name);
  }

  private static List<Object> list(QueryParams params, String name, ListTrait trait) {
    String base = trait.isFlattened() ? name + "." : name + "." + trait.memberFieldInfo().locationName() + ".";
    List<Object> list = new ArrayList<>();
    for (int i = 1; i <= params.size(); i++) {
      Object item = value(params, base + i, trait.memberFieldInfo());
      if (item == null) {
        break;
      }
      list.add(item);
    }
    // The SDK sends "Name=" for an empty list; an absent name means the list is unset.
    return list.isEmpty() && params.get(name) == null ? null : list;
  }

  private static Map<String, Object> map(QueryParams params, String name, MapTrait trait) {
    String base = trait.isFlattened() ? name + "." : name + ".entry.";
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 1; i <= params.size(); i++) {
      String key = params.get(base + i + "." + trait.keyLocationName());
      if (key == null) {
        break;
      }
      map.put(key, value(params, base + i + "." + trait.valueLocationName(), trait.valueFieldInfo()));
    }
    return map.isEmpty() && params.get(name) == null ? null : map;
  }

  private static Object scalar(String text, MarshallingType<?> type, String name) {
    try {
      return ScalarText.parse(text, type);
    } catch (IllegalArgumentException e) {
      throw malformed(name, text);
    }
  }

  private static AwsException malformed(String name, String text) {
    return CommonError.MALFORMED_QUERY_STRING.exception("Invalid value '%s' for parameter %s", text, name);
  }
}
