package dev.billinggate.protocol;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.model.ServiceModel;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The wire side of one service: finds the operation of an HTTP request, decodes it into the SDK
 * request type, validates it against the model, and encodes SDK responses and {@link AwsException}s
 * in the service's protocol. Every method either returns or throws {@link AwsException}; encoders
 * never throw. Instances are immutable and shared; get them from
 * {@code ProtocolCodecs.forService}.
 */
public abstract class ProtocolCodec {
  /** Larger bodies are refused before parsing (IAM's largest inputs, policy documents, are far smaller). */
  public static final int MAX_BODY_BYTES = 1 << 20;
  /** S3 objects up to this size are kept (AWS takes 5 GB in one PutObject; billing-gate keeps objects in memory). */
  public static final int MAX_OBJECT_BYTES = 16 << 20;
  /** What the HTTP server takes: the largest object in aws-chunked framing, whose chunk headers add about 1%. */
  public static final int MAX_WIRE_BYTES = MAX_OBJECT_BYTES + (MAX_OBJECT_BYTES >> 4);
  /** The header every response carries the request id in (query responses also repeat it in the body). */
  public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

  private final ServiceId service;
  private final ServiceModel model;
  private final InputValidator validator;

  protected ProtocolCodec(ServiceId service) {
    this.service = service;
    this.model = ServiceModel.of(service);
    this.validator = new InputValidator(model);
  }

  public final ServiceId service() {
    return service;
  }

  public final ServiceModel model() {
    return model;
  }

  /** The operation the request calls; the protocol's unknown-operation error when there is none. */
  public abstract String operationName(HttpRequest request);

  /** Identifies the operation and decodes its input; malformed input is the protocol's 4xx error. */
  public final DecodedRequest decode(HttpRequest request) {
    if (request.body() != null && request.body().length > maxBodyBytes()) {
      throw tooLarge();
    }
    String operation = operationName(request);
    SdkPojo builder = SdkTypes.requestBuilder(service, operation);
    try {
      decodeInput(operation, request, builder);
      return new DecodedRequest(operation, (SdkRequest) SdkTypes.build(builder));
    } catch (AwsException e) {
      throw e;
    } catch (RuntimeException e) {
      // A value the SDK type cannot hold (e.g. a number out of its range) is malformed input, not a crash.
      throw CommonError.SERIALIZATION.exception("Cannot decode %s input: %s", operation, e.getClass().getSimpleName());
    }
  }

  /** The largest body this protocol's services take. */
  public int maxBodyBytes() {
    return MAX_BODY_BYTES;
  }

  /** The error for a body over {@link #maxBodyBytes()}. */
  public AwsException tooLarge() {
    return CommonError.PAYLOAD_TOO_LARGE.exception("Request body is larger than %d bytes.", maxBodyBytes());
  }

  /**
   * The error for a body the client ended (half-closing the connection) before its
   * {@code Content-Length}; empty where the service's answer is unknown and the connection just closes.
   */
  public Optional<AwsException> bodyEnded() {
    return Optional.empty();
  }

  /** The error for a body that stopped arriving before its end; empty as for {@link #bodyEnded()}. */
  public Optional<AwsException> bodyStalled() {
    return Optional.empty();
  }

  /** Fills {@code builder}, a fresh {@code <operation>Request} builder, from the wire request. */
  protected abstract void decodeInput(String operation, HttpRequest request, SdkPojo builder);

  /** Throws the service's validation error if {@code request} breaks model constraints. */
  public final void validate(DecodedRequest request) {
    List<Violation> violations = validator.violations(request.operation(), request.input());
    if (!violations.isEmpty()) {
      throw ValidationFailures.of(service, violations);
    }
  }

  /** The success response of {@code operation}. */
  public abstract HttpResponse encodeResponse(String operation, SdkResponse response, String requestId);

  /**
   * The success response of an operation that answers with a body of its own ({@code body} not
   * null): only restXml (S3's objects) has such operations, so the other protocols ignore it.
   */
  public HttpResponse encodeResponse(String operation, SdkResponse response, byte[] body, String requestId) {
    return encodeResponse(operation, response, requestId);
  }

  /** The error response for {@code error}. */
  public abstract HttpResponse encodeError(AwsException error, String requestId);
}
