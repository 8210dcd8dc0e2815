package dev.billinggate.protocol.json;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.WireError;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;

/**
 * awsJson 1.0 / 1.1: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>} and a JSON body;
 * responses are {@code application/x-amz-json-1.x} with the request id in {@code x-amzn-RequestId}.
 */
public final class JsonCodec extends ProtocolCodec {
  /** Where an {@code awsQueryCompatible} service names an error by its query-protocol code. */
  static final String QUERY_ERROR_HEADER = "x-amzn-query-error";
  /** The services whose botocore metadata carries {@code awsQueryCompatible}. */
  private static final Set<ServiceId> QUERY_COMPATIBLE = EnumSet.of(ServiceId.SQS);

  private final String contentType;
  private final String targetPrefix;

  public JsonCodec(ServiceId service) {
    super(service);
    this.contentType = service.protocol() == ServiceId.Protocol.AWS_JSON_1_0
        ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
    this.targetPrefix = service.targetPrefix() + ".";
  }

  @Override
  public String operationName(HttpRequest request) {
    String target = request.header("x-amz-target");
    if (target != null && target.startsWith(targetPrefix)) {
      String operation = target.substring(targetPrefix.length());
      if (model().operation(operation).isPresent()) {
        return operation;
      }
    }
    // Coral answers a missing or unknown target with a bare UnknownOperationException.
    throw CommonError.INVALID_ACTION.exception("");
  }

  @Override
  protected void decodeInput(String operation, HttpRequest request, SdkPojo builder) {
    JsonInput.read(request.body(), builder);
  }

  @Override
  public HttpResponse encodeResponse(String operation, SdkResponse response, String requestId) {
    return new HttpResponse(200, Map.of("content-type", contentType, REQUEST_ID_HEADER, requestId),
        JsonOutput.write(response));
  }

  @Override
  public HttpResponse encodeError(AwsException error, String requestId) {
    WireError wire = WireError.of(service(), error);
    Map<String, String> headers = new HashMap<>(
        Map.of("content-type", contentType, REQUEST_ID_HEADER, requestId, "x-amzn-ErrorType", wire.code()));
    if (QUERY_COMPATIBLE.contains(service())) {
      headers.put(QUERY_ERROR_HEADER,
          error.code().queryCompatibleCode() + (wire.senderFault() ? ";Sender" : ";Receiver"));
    }
    return new HttpResponse(wire.status(), headers, JsonOutput.error(wire));
  }
}
