package dev.billinggate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.auth.sigv4.SigV4Verifier;
import dev.billinggate.auth.sigv4.VerifiedRequest;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.gateway.AccessCheck;
import dev.billinggate.idp.SamlRequest;
import dev.billinggate.idp.TestIdentityProvider;
import dev.billinggate.idp.TestIdentityProvider.IssuedToken;
import dev.billinggate.idp.TestIdentityProvider.TokenRequest;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The built-in test identity provider over HTTP, under {@code /_billing-gate/v1/idp/}.
 *
 * <p>What an identity provider publishes is public, as it is for any real IdP: the OIDC discovery
 * document, the JWKS and the SAML metadata are served unsigned. Issuing a token or an assertion is
 * billing-gate's own API: the request is SigV4-signed (service {@code billing}) and authorized as
 * {@code billing-gate:IssueIdentityToken} or {@code billing-gate:IssueSamlAssertion} on {@code *},
 * so only principals whose policies allow it (e.g. AdministratorAccess) can mint identities.
 */
public final class IdentityProviderApi {
  public static final String PREFIX = "/_billing-gate/v1/idp/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_LIFETIME = 86_400;
  private static final long DEFAULT_TOKEN_LIFETIME = 3600;
  private static final long DEFAULT_ASSERTION_LIFETIME = 300;

  private final TestIdentityProvider idp;
  private final SigV4Verifier verifier;
  private final AccessCheck access;
  private final Clock clock;
  private final AwsIds ids;
  private final ProtocolCodec codec = ProtocolCodecs.forService(ServiceId.BILLING);

  public IdentityProviderApi(TestIdentityProvider idp, SigV4Verifier verifier, AccessCheck access, Clock clock,
      AwsIds ids) {
    this.idp = idp;
    this.verifier = verifier;
    this.access = access;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Requests under {@link #PREFIX} come here, run inside {@code around} (the app's request gate: the
   * IdP's key is stored state); everything else goes on to {@code next}.
   */
  public Function<HttpRequest, HttpResponse> mountedOver(Function<HttpRequest, HttpResponse> next,
      UnaryOperator<Function<HttpRequest, HttpResponse>> around) {
    Function<HttpRequest, HttpResponse> own = around.apply(this::handle);
    return request -> request.rawPath().startsWith(PREFIX) ? own.apply(request) : next.apply(request);
  }

  HttpResponse handle(HttpRequest request) {
    String requestId = ids.requestId();
    String route = request.method() + " " + request.rawPath().substring(PREFIX.length());
    try {
      HttpResponse response = switch (route) {
        case "GET oidc/.well-known/openid-configuration" -> json(idp.discovery(baseUrl(request)));
        case "GET oidc/jwks" -> json(idp.jwksDocument());
        case "GET saml/metadata" -> HttpResponse.of(200, "application/samlmetadata+xml",
            idp.samlMetadata(baseUrl(request)));
        case "POST oidc/token" -> {
          JsonNode body = authorized(request, "billing-gate:IssueIdentityToken", "IssueIdentityToken", requestId);
          IssuedToken token = idp.token(tokenRequest(body));
          yield json(JSON.createObjectNode().put("idToken", token.token()).put("expiresAt", token.expiresAt())
              .put("issuer", TestIdentityProvider.ISSUER).toString());
        }
        case "POST saml/response" -> {
          JsonNode body = authorized(request, "billing-gate:IssueSamlAssertion", "IssueSamlAssertion", requestId);
          yield json(JSON.createObjectNode().put("samlResponse", idp.samlResponse(samlRequest(body))).toString());
        }
        default -> throw EmulatorApiError.UNKNOWN_OPERATION.exception("billing-gate has no %s %s.", request.method(),
            request.rawPath());
      };
      return response.withHeader("x-amzn-RequestId", requestId);
    } catch (AwsException e) {
      return codec.encodeError(e, requestId);
    }
  }

  private JsonNode authorized(HttpRequest request, String action, String operation, String requestId) {
    VerifiedRequest verified = verifier.verify(request, ServiceId.BILLING);
    CallContext context = new CallContext(verified.caller(), operation, requestId, verified.scope().region(),
        clock.instant(), request.remoteAddress(), request.secure());
    access.check(verified.caller(), AccessTarget.of(action, "*"), context);
    try {
      JsonNode body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
      if (body == null || !body.isObject()) {
        throw EmulatorApiError.VALIDATION.exception("The request body must be a JSON object.");
      }
      return body;
    } catch (IOException e) {
      throw EmulatorApiError.VALIDATION.exception("The request body is not valid JSON.");
    }
  }

  private static TokenRequest tokenRequest(JsonNode body) {
    String subject = text(body, "subject", null);
    if (subject == null || subject.isEmpty()) {
      throw EmulatorApiError.VALIDATION.exception("subject is required.");
    }
    List<String> audiences = texts(body.get("audience"));
    if (audiences.isEmpty()) {
      audiences = List.of("sts.amazonaws.com");
    }
    JsonNode claims = body.path("claims");
    if (!claims.isMissingNode() && !claims.isObject()) {
      throw EmulatorApiError.VALIDATION.exception("claims must be a JSON object.");
    }
    return new TokenRequest(subject, audiences,
        claims.isObject() ? (ObjectNode) claims : JSON.createObjectNode(),
        lifetime(body, DEFAULT_TOKEN_LIFETIME));
  }

  private static SamlRequest samlRequest(JsonNode body) {
    String subject = text(body, "subject", null);
    if (subject == null || subject.isEmpty()) {
      throw EmulatorApiError.VALIDATION.exception("subject is required.");
    }
    List<String> roles = new ArrayList<>();
    for (JsonNode role : body.path("roles")) {
      roles.add(role.isObject() ? role.path("roleArn").asText() + "," + role.path("providerArn").asText()
          : role.asText());
    }
    if (roles.isEmpty()) {
      throw EmulatorApiError.VALIDATION.exception("roles is required: [{\"roleArn\":…,\"providerArn\":…}].");
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    body.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), texts(e.getValue())));
    JsonNode duration = body.get("sessionDuration");
    return new SamlRequest(subject, text(body, "subjectFormat", "persistent"), roles,
        text(body, "roleSessionName", subject), duration == null ? null : duration.asInt(), attributes,
        text(body, "recipient", SamlRequest.AWS_SIGN_IN), text(body, "audience", SamlRequest.AWS_AUDIENCE),
        lifetime(body, DEFAULT_ASSERTION_LIFETIME));
  }

  /** Seconds until expiry; a negative value issues an already expired credential, for testing rejections. */
  private static long lifetime(JsonNode body, long defaultSeconds) {
    JsonNode value = body.get("expiresIn");
    if (value == null) {
      return defaultSeconds;
    }
    if (!value.canConvertToLong() || Math.abs(value.asLong()) > MAX_LIFETIME) {
      throw EmulatorApiError.VALIDATION.exception("expiresIn must be a number of seconds between -%d and %d.",
          MAX_LIFETIME, MAX_LIFETIME);
    }
    return value.asLong();
  }

  private static String text(JsonNode body, String field, String defaultValue) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? defaultValue : value.asText();
  }

  private static List<String> texts(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      return List.of(value.asText());
    }
    List<String> values = new ArrayList<>();
    value.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String baseUrl(HttpRequest request) {
    String host = request.header("host");
    return (request.secure() ? "https://" : "http://") + (host == null ? "127.0.0.1" : host);
  }

  private static HttpResponse json(String body) {
    return HttpResponse.of(200, "application/json", body);
  }
}
