package dev.billinggate.protocol.query;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.model.OperationModel;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.WireError;
import dev.billinggate.protocol.XmlMembers;
import dev.billinggate.protocol.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;

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
      XmlMembers.write(xml, response);
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
}
