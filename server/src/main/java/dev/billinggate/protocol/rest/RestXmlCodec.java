package dev.billinggate.protocol.rest;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.model.Member;
import dev.billinggate.model.OperationModel;
import dev.billinggate.model.Shape;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.SdkTypes;
import dev.billinggate.protocol.Timestamps;
import dev.billinggate.protocol.WireError;
import dev.billinggate.protocol.XmlMembers;
import dev.billinggate.protocol.XmlText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.w3c.dom.Element;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;

/**
 * restXml (S3): the operation is the method, the path template, the query literals of the model's
 * {@code requestUri} ({@code /{Bucket}?policy}) and, where those tie, the required headers (CopyObject's
 * {@code x-amz-copy-source}); members bind to labels, headers, query parameters or the XML body, one
 * member of which may be the whole body. Buckets may be addressed path-style or virtual-hosted. Errors
 * are S3's {@code <Error>} document; the request id travels in {@code x-amz-request-id}.
 */
public final class RestXmlCodec extends ProtocolCodec {
  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String CONTENT_TYPE = "application/xml";
  private static final String REQUEST_ID = "x-amz-request-id";
  /** S3 names most result documents {@code <Operation>Result}; these are the exceptions. */
  private static final Map<String, String> ROOTS = Map.of(
      "ListBuckets", "ListAllMyBucketsResult",
      "ListObjects", "ListBucketResult",
      "ListObjectsV2", "ListBucketResult",
      "ListObjectVersions", "ListVersionsResult",
      "DeleteObjects", "DeleteResult",
      "GetBucketAcl", "AccessControlPolicy",
      "GetObjectAcl", "AccessControlPolicy");
  private static final String X_ID = "x-id";

  /**
   * @param literals the query part of the model's URI ({@code policy}, {@code list-type=2}); "" matches any value
   * @param required the query parameters and headers the operation cannot go without (UploadPart's
   *     {@code partNumber}, CopyObject's {@code x-amz-copy-source}), which tell apart operations sharing a URI
   */
  private record Route(String operation, UriTemplate path, Map<String, String> literals, List<String> requiredQuery,
      List<String> requiredHeaders) {}

  private final String namespace;
  private final List<Route> routes = new ArrayList<>();

  public RestXmlCodec(ServiceId service) {
    super(service);
    String host = service == ServiceId.S3_CONTROL ? "awss3control" : service.signingName();
    this.namespace = "http://" + host + ".amazonaws.com/doc/" + service.apiVersion() + "/";
    for (OperationModel op : model().operations().values()) {
      if (SdkTypes.requestClass(service, op.name()) == null) {
        continue; // deprecated operations the SDK dropped share their URI with their successors
      }
      int question = op.requestUri().indexOf('?');
      Map<String, String> literals = question < 0 ? Map.of() : RestBindings.query(op.requestUri().substring(question + 1));
      routes.add(new Route(op.name(), new UriTemplate(op.httpMethod(), op.requestUri()), literals,
          required(op, "querystring", false), required(op, "header", true)));
    }
  }

  @Override
  public int maxBodyBytes() {
    return MAX_OBJECT_BYTES;
  }

  @Override
  public AwsException tooLarge() {
    return new AwsException(RestXmlError.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed size",
        Map.of("MaxSizeAllowed", Integer.toString(MAX_OBJECT_BYTES)));
  }

  /** S3's text from its API reference's error list. */
  @Override
  public Optional<AwsException> bodyEnded() {
    return Optional.of(RestXmlError.INCOMPLETE_BODY.exception(
        "You did not provide the number of bytes specified by the Content-Length HTTP header."));
  }

  /** S3's text as its answers carry it (the API reference's list stops after "period."). */
  @Override
  public Optional<AwsException> bodyStalled() {
    return Optional.of(RestXmlError.REQUEST_TIMEOUT.exception("Your socket connection to the server was not read "
        + "from or written to within the timeout period. Idle connections will be closed."));
  }

  @Override
  public String operationName(HttpRequest request) {
    return route(request).operation();
  }

  private Route route(HttpRequest request) {
    String path = path(request);
    Map<String, String> query = RestBindings.query(request.rawQuery());
    String named = query.get(X_ID);
    return routes.stream()
        .filter(route -> route.path().match(request.method(), path) != null)
        .filter(route -> route.literals().entrySet().stream().allMatch(literal -> query.containsKey(literal.getKey())
            && (literal.getValue().isEmpty() || literal.getValue().equals(query.get(literal.getKey())))))
        .filter(route -> named == null || route.operation().equals(named))
        .filter(route -> route.requiredQuery().stream().allMatch(query::containsKey))
        .filter(route -> route.requiredHeaders().stream().allMatch(header -> request.header(header) != null))
        // The most specific route wins; between equals (ListBuckets and ListDirectoryBuckets, which SDKs
        // send to another endpoint) the shorter, older name.
        .max(Comparator.comparingInt((Route route) -> route.literals().size() + route.requiredQuery().size()
                + route.requiredHeaders().size())
            .thenComparing(Comparator.comparingInt((Route route) -> route.operation().length()).reversed()))
        .orElseThrow(() -> new AwsException(RestXmlError.METHOD_NOT_ALLOWED,
            "The specified method is not allowed against this resource.",
            Map.of("Method", request.method(), "ResourceType", path.indexOf('/', 1) > 0 ? "OBJECT" : "BUCKET")));
  }

  /** The path with the bucket of an S3 virtual host moved into it; S3 Control's host names an account. */
  private String path(HttpRequest request) {
    return service() == ServiceId.S3 ? VirtualHost.pathStyle(request)
        : request.rawPath().isEmpty() ? "/" : request.rawPath();
  }

  @Override
  protected void decodeInput(String operation, HttpRequest request, SdkPojo builder) {
    Route route = routes.stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow();
    Map<String, String> labels = route.path().match(request.method(), path(request));
    Map<String, String> query = RestBindings.query(request.rawQuery());
    for (SdkField<?> field : builder.sdkFields()) {
      Object value = switch (field.location()) {
        case PATH, GREEDY_PATH -> text(field, labels.get(field.locationName()));
        case QUERY_PARAM -> text(field, query.get(field.locationName()));
        case HEADER -> field.marshallingType() == MarshallingType.MAP
            ? prefixed(request, field.locationName().toLowerCase(Locale.ROOT))
            : text(field, request.header(field.locationName().toLowerCase(Locale.ROOT)));
        case PAYLOAD -> field.containsTrait(PayloadTrait.class) ? payload(field, request.body()) : null;
        default -> null;
      };
      if (value != null) {
        field.set(builder, value);
      }
    }
  }

  private static Object text(SdkField<?> field, String text) {
    return text == null ? null : RestBindings.bound(field, text);
  }

  /** Headers sharing a prefix ({@code x-amz-meta-}) as a map keyed by the rest of the name. */
  private static Map<String, String> prefixed(HttpRequest request, String prefix) {
    Map<String, String> values = new LinkedHashMap<>();
    request.headers().forEach((name, list) -> {
      if (name.startsWith(prefix) && name.length() > prefix.length() && !list.isEmpty()) {
        values.put(name.substring(prefix.length()), String.join(",", list));
      }
    });
    return values.isEmpty() ? null : values;
  }

  private static Object payload(SdkField<?> field, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return new String(body, StandardCharsets.UTF_8);
    }
    if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromByteArray(body);
    }
    try {
      Element root = XmlInput.root(body);
      if (!XmlInput.localName(root).equals(field.locationName())) {
        throw malformed();
      }
      SdkPojo nested = field.constructor().get();
      XmlInput.read(root, nested);
      return SdkTypes.build(nested);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static AwsException malformed() {
    return RestXmlError.MALFORMED_XML.exception(
        "The XML you provided was not well-formed or did not validate against our published schema");
  }

  @Override
  public HttpResponse encodeResponse(String operation, SdkResponse response, String requestId) {
    return encodeResponse(operation, response, null, requestId);
  }

  @Override
  public HttpResponse encodeResponse(String operation, SdkResponse response, byte[] body, String requestId) {
    OperationModel op = model().operation(operation).orElseThrow();
    Map<String, String> headers = new LinkedHashMap<>(requestIds(requestId));
    for (SdkField<?> field : response.sdkFields()) {
      Object value = SdkTypes.value(field, response);
      if (value != null && field.location() == MarshallLocation.HEADER) {
        header(headers, field, value);
      }
    }
    byte[] content = body != null ? body : document(op, response, headers);
    // A body that is part of a resource (GetObject with Range) is HTTP's Partial Content.
    int status = body != null && headers.containsKey("Content-Range") ? 206 : op.responseCode();
    return new HttpResponse(status, headers, content);
  }

  private static void header(Map<String, String> headers, SdkField<?> field, Object value) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> headers.put(field.locationName() + key, String.valueOf(item)));
    } else if (value instanceof Instant instant) {
      headers.put(field.locationName(), Timestamps.rfc822(instant));
    } else {
      headers.put(field.locationName(), value.toString());
    }
  }

  /** The XML (or, for a string payload such as a bucket policy, raw) body of a response without object data. */
  private byte[] document(OperationModel op, SdkResponse response, Map<String, String> headers) {
    if (op.output() == null) {
      return new byte[0];
    }
    Shape output = model().shape(op.output());
    for (SdkField<?> field : response.sdkFields()) {
      if (field.containsTrait(PayloadTrait.class)) {
        Object value = SdkTypes.value(field, response);
        if (value == null) {
          return new byte[0];
        }
        if (value instanceof String text && field.memberName().equals(output.payload())) {
          return text.getBytes(StandardCharsets.UTF_8);
        }
        headers.put("content-type", CONTENT_TYPE);
        return xmlDocument(field.locationName(), xmlBody -> {
          if (value instanceof SdkPojo pojo) {
            XmlMembers.write(xmlBody, pojo);
          } else {
            xmlBody.text(value.toString());
          }
        });
      }
    }
    boolean hasBody = response.sdkFields().stream()
        .anyMatch(field -> field.location() == MarshallLocation.PAYLOAD && SdkTypes.value(field, response) != null);
    if (!hasBody) {
      return new byte[0];
    }
    headers.put("content-type", CONTENT_TYPE);
    return xmlDocument(ROOTS.getOrDefault(op.name(), op.name() + "Result"), xmlBody -> XmlMembers.write(xmlBody, response));
  }

  private byte[] xmlDocument(String root, Consumer<XmlText> content) {
    XmlText xml = new XmlText().open(root, namespace);
    content.accept(xml);
    xml.close(root);
    return (XML_DECLARATION + xml).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public HttpResponse encodeError(AwsException error, String requestId) {
    WireError wire = WireError.of(service(), s3Wording(error));
    // S3 answers <Error> with the request ids inside; S3 Control wraps it in <ErrorResponse>, ids outside.
    boolean wrapped = service() == ServiceId.S3_CONTROL;
    XmlText xml = new XmlText();
    if (wrapped) {
      xml.open("ErrorResponse");
    }
    xml.open("Error").element("Code", wire.code()).element("Message", wire.message());
    wire.fields().forEach(xml::element);
    if (wrapped) {
      xml.close("Error");
    }
    xml.element("RequestId", requestId).element("HostId", hostId(requestId)).close(wrapped ? "ErrorResponse" : "Error");
    Map<String, String> headers = new HashMap<>(requestIds(requestId));
    headers.put("content-type", CONTENT_TYPE);
    return new HttpResponse(wire.status(), headers, (XML_DECLARATION + xml).getBytes(StandardCharsets.UTF_8));
  }

  /** The authentication errors every service shares, with the codes and wording S3 uses for them. */
  private static AwsException s3Wording(AwsException error) {
    if (!(error.code() instanceof CommonError common)) {
      return error;
    }
    return switch (common) {
      case INVALID_CLIENT_TOKEN_ID -> RestXmlError.INVALID_ACCESS_KEY_ID.exception(
          "The AWS Access Key Id you provided does not exist in our records.");
      case MISSING_AUTHENTICATION_TOKEN -> CommonError.ACCESS_DENIED.exception("Access Denied");
      case SIGNATURE_DOES_NOT_MATCH -> error.getMessage().startsWith("The request signature we calculated")
          ? CommonError.SIGNATURE_DOES_NOT_MATCH.exception("The request signature we calculated does not match the "
              + "signature you provided. Check your key and signing method.")
          : error;
      case EXPIRED_TOKEN -> new AwsException(CommonError.EXPIRED_TOKEN, "The provided token has expired.");
      default -> error;
    };
  }

  private static Map<String, String> requestIds(String requestId) {
    return Map.of(REQUEST_ID, requestId, "x-amz-id-2", hostId(requestId));
  }

  /** S3's second, opaque request id ({@code x-amz-id-2}, {@code <HostId>}), derived from the first. */
  private static String hostId(String requestId) {
    return Base64.getEncoder().encodeToString(requestId.getBytes(StandardCharsets.UTF_8));
  }

  /** The wire names of the operation's required members bound to {@code location}. */
  private List<String> required(OperationModel op, String location, boolean lowerCase) {
    if (op.input() == null) {
      return List.of();
    }
    Shape input = model().shape(op.input());
    List<String> names = new ArrayList<>();
    for (Member member : input.members().values()) {
      if (location.equals(member.location()) && input.required().contains(member.name())) {
        names.add(lowerCase ? member.locationName().toLowerCase(Locale.ROOT) : member.locationName());
      }
    }
    return List.copyOf(names);
  }
}
