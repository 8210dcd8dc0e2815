package dev.billinggate.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * A JDK HTTP server that runs each request through a {@link ProtocolCodec} the way the gateway does
 * (decode, validate, handle, encode) so real SDK clients can talk to the codecs.
 */
final class CodecServer implements AutoCloseable {
  static final String REQUEST_ID = "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE";

  private final HttpServer server;
  private final ProtocolCodec codec;
  private final BiFunction<String, Object, SdkResponse> handler;
  /** Anything other than AwsException escaping the codec; tests assert it stays empty. */
  final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
  /** The last raw response, for wire-level assertions. */
  volatile HttpResponse lastResponse;

  CodecServer(ServiceId service, BiFunction<String, Object, SdkResponse> handler) throws IOException {
    this.codec = ProtocolCodecs.forService(service);
    this.handler = handler;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::exchange);
    server.start();
  }

  String lastBody() {
    return new String(lastResponse.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Points an SDK client builder at this server with static credentials and no retries. */
  <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
    builder.httpClient(UrlConnectionHttpClient.create());
    return builder.endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  HttpResponse handle(HttpRequest request) {
    try {
      DecodedRequest decoded = codec.decode(request);
      codec.validate(decoded);
      return codec.encodeResponse(decoded.operation(), handler.apply(decoded.operation(), decoded.input()), REQUEST_ID);
    } catch (AwsException e) {
      return codec.encodeError(e, REQUEST_ID);
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    HttpResponse response;
    try {
      Map<String, List<String>> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
      URI uri = exchange.getRequestURI();
      HttpRequest request = new HttpRequest(exchange.getRequestMethod(), uri.getRawPath(),
          uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, exchange.getRequestBody().readAllBytes(),
          "127.0.0.1", false);
      response = handle(request);
    } catch (Throwable e) {
      unexpected.add(e);
      response = HttpResponse.of(500, "text/plain", String.valueOf(e));
    }
    lastResponse = response;
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
