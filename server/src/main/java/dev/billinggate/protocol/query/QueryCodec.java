package dev.billinggate.protocol.query;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.model.OperationModel;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.SdkTypes;
import dev.billinggate.protocol.Timestamps;
import dev.billinggate.protocol.WireError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * awsQuery (IAM, STS): form-encoded {@code Action}/{@code Version} plus flattened parameters in,
 * {@code text/xml} out, the request id inside the body's {@code ResponseMetadata}.
 */
public final class QueryCodec extends ProtocolCodec {
  private static final String CONTENT_TYPE = "text/xml";

  /** The model's xmlNamespace follows one rule for every query service: {@code https://<name>.amazonaws.com/doc/<version>/}. */
  private final String namespace;

  public QueryCodec(ServiceId service) {
    super(service);
    this.namespace = "https://" + service.signingName() + ".amazonaws.com/doc/" + service.apiVersion() + "/";
  }

  @Override
  public String operationName(HttpRequest request) {
    return operationName(QueryParams.parse(request.rawQuery(), request.body()));
  }

  private String operationName(QueryParams params) {
    String action = params.get("Action");
    if (action == null || action.isEmpty()) {
      throw CommonError.INVALID_ACTION.exception("Could not find operation for version %s", service().apiVersion());
    }
    // AWS names the requested Version in the error, so a known action under another version is unknown too.
    String version = params.get("Version");
    if (version == null) {
      version = service().apiVersion();
    }
    if (!version.equals(service().apiVersion()) || model().operation(action).isEmpty()) {
      throw CommonError.INVALID_ACTION.exception("Could not find operation %s for version %s", action, version);
    }
    return action;
  }

  @Override
  protected void decodeInput(String operation, HttpRequest request, SdkPojo builder) {
    QueryInput.read(QueryParams.parse(request.rawQuery(), request.body()), "", builder);
  }

  @Override
  public HttpResponse encodeResponse(String operation, SdkResponse response, String requestId) {
    String root = operation + "Response";
    XmlText xml = new XmlText().open(root, namespace);
    String wrapper = model().operation(operation).map(OperationModel::resultWrapper).orElse(null);
    if (wrapper != null) {
      xml.open(wrapper);
      members(xml, response);
      xml.close(wrapper);
    }
    xml.open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata").close(root);
    return respond(200, xml, requestId);
  }

  @Override
  public HttpResponse encodeError(AwsException error, String requestId) {
    WireError wire = WireError.of(service(), error);
    XmlText xml = new XmlText().open("ErrorResponse", namespace).open("Error")
        .element("Type", wire.senderFault() ? "Sender" : "Receiver")
        .element("Code", wire.code());
    if (error.getMessage() != null) {
      xml.element("Message", wire.message()); // some errors (ReportNotPresent) carry none
    }
    wire.fields().forEach(xml::element);
    xml.close("Error").element("RequestId", requestId).close("ErrorResponse");
    return respond(wire.status(), xml, requestId);
  }

  private static HttpResponse respond(int status, XmlText xml, String requestId) {
    return new HttpResponse(status, Map.of("content-type", CONTENT_TYPE, REQUEST_ID_HEADER, requestId),
        xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void members(XmlText xml, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = SdkTypes.value(field, pojo);
      if (value != null) {
        element(xml, field.unmarshallLocationName(), field, value);
      }
    }
  }

  private static void element(XmlText xml, String name, SdkField<?> field, Object value) {
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
      members(xml, (SdkPojo) value);
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
