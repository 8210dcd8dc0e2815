package dev.billinggate.protocol;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** Writes an SDK object's members as XML elements, the same for awsQuery results and restXml bodies. */
public final class XmlMembers {
  private XmlMembers() {}

  /** Every set member that belongs in the body (restXml's header and URI members do not). */
  public static void write(XmlText xml, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = SdkTypes.value(field, pojo);
      if (value != null && field.location() == MarshallLocation.PAYLOAD) {
        element(xml, field.unmarshallLocationName(), field, value);
      }
    }
  }

  /** One member as the element {@code name}; lists repeat it (flattened) or wrap their members in it. */
  public static void element(XmlText xml, String name, SdkField<?> field, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      ListTrait trait = field.getRequiredTrait(ListTrait.class);
      if (!trait.isFlattened()) {
        xml.open(name);
      }
      for (Object item : (List<?>) value) {
        if (item != null) {
          element(xml, trait.isFlattened() ? name : trait.memberFieldInfo().unmarshallLocationName(), trait.memberFieldInfo(), item);
        }
      }
      if (!trait.isFlattened()) {
        xml.close(name);
      }
      return;
    }
    xml.open(name);
    if (type == MarshallingType.SDK_POJO) {
      write(xml, (SdkPojo) value);
    } else if (type == MarshallingType.MAP) {
      MapTrait trait = field.getRequiredTrait(MapTrait.class);
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        xml.open("entry").element(trait.keyLocationName(), String.valueOf(entry.getKey()));
        if (entry.getValue() != null) {
          element(xml, trait.valueLocationName(), trait.valueFieldInfo(), entry.getValue());
        }
        xml.close("entry");
      }
    } else {
      xml.text(scalar(field, value));
    }
    xml.close(name);
  }

  private static String scalar(SdkField<?> field, Object value) {
    if (value instanceof Instant instant) {
      TimestampFormatTrait.Format format = Timestamps.format(field, TimestampFormatTrait.Format.ISO_8601);
      return switch (format) {
        case UNIX_TIMESTAMP, UNIX_TIMESTAMP_MILLIS -> Timestamps.epochSeconds(instant).toPlainString();
        case RFC_822 -> Timestamps.rfc822(instant);
        default -> Timestamps.iso8601(instant);
      };
    }
    if (value instanceof SdkBytes bytes) {
      return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
    return value.toString();
  }
}
