package dev.billinggate.protocol.rest;

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
import dev.billinggate.protocol.json.JsonInput;
import dev.billinggate.protocol.json.JsonOutput;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * restJson1 (Account): the operation is the method plus the model's {@code requestUri} template;
 * members bind to path labels, headers, query parameters or the JSON body; the success status is
 * the model's {@code responseCode}.
 */
public final class RestJsonCodec extends ProtocolCodec {
  private static final String CONTENT_TYPE = "application/json";

  private final Map<String, UriTemplate> routes = new LinkedHashMap<>();

  public RestJsonCodec(ServiceId service) {
    super(service);
    model().operations().values().forEach(op -> routes.put(op.name(), new UriTemplate(op.httpMethod(), op.requestUri())));
  }

  @Override
  public String operationName(HttpRequest request) {
    for (Map.Entry<String, UriTemplate> route : routes.entrySet()) {
      if (route.getValue().match(request.method(), request.rawPath()) != null) {
        return route.getKey();
      }
    }
    throw CommonError.INVALID_ACTION.exception("No operation matches %s %s", request.method(), request.rawPath());
  }

  @Override
  protected void decodeInput(String operation, HttpRequest request, SdkPojo builder) {
    JsonInput.read(request.body(), builder);
    Map<String, String> labels = routes.get(operation).match(request.method(), request.rawPath());
    Map<String, String> query = RestBindings.query(request.rawQuery());
    for (SdkField<?> field : builder.sdkFields()) {
      String text = switch (field.location()) {
        case PATH, GREEDY_PATH -> labels.get(field.locationName());
        case HEADER -> request.header(field.locationName().toLowerCase(Locale.ROOT));
        case QUERY_PARAM -> query.get(field.locationName());
        default -> null;
      };
      if (text != null) {
        field.set(builder, RestBindings.bound(field, text));
      }
    }
  }

  @Override
  public HttpResponse encodeResponse(String operation, SdkResponse response, String requestId) {
    OperationModel op = model().operation(operation).orElseThrow();
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", CONTENT_TYPE);
    headers.put(REQUEST_ID_HEADER, requestId);
    for (SdkField<?> field : response.sdkFields()) {
      Object value = SdkTypes.value(field, response);
      if (value != null && field.location() == MarshallLocation.HEADER) {
        headers.put(field.locationName(), value instanceof Instant instant
            ? Timestamps.rfc822(instant) : value.toString());
      }
    }
    // An operation without output answers with an empty body, as AWS does.
    byte[] body = op.output() == null ? new byte[0] : JsonOutput.write(response);
    return new HttpResponse(op.responseCode(), headers, body);
  }

  @Override
  public HttpResponse encodeError(AwsException error, String requestId) {
    WireError wire = WireError.of(service(), error);
    return new HttpResponse(wire.status(),
        Map.of("content-type", CONTENT_TYPE, REQUEST_ID_HEADER, requestId, "x-amzn-ErrorType", wire.code()),
        JsonOutput.error(wire));
  }
}
