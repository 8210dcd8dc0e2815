package dev.billinggate.gateway.http;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import java.util.function.Function;

/**
 * How {@link NettyHttpServer} listens and what it answers on its own.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1}
 * @param port port to bind; 0 picks a free one (see {@link NettyHttpServer#port()})
 * @param maxBodyBytes largest accepted body; larger requests get {@code payloadTooLarge}'s answer
 * @param workerThreads threads running the handler
 * @param payloadTooLarge answers a request whose body exceeds the limit; it receives the request
 *     with an empty body so it can answer in the request's protocol
 */
public record HttpServerConfig(
    String host,
    int port,
    int maxBodyBytes,
    int workerThreads,
    Function<HttpRequest, HttpResponse> payloadTooLarge) {

  public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** Loopback, the given port, a 10 MiB body limit, two handler threads per core, a plain 413. */
  public static HttpServerConfig loopback(int port) {
    return new HttpServerConfig("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES,
        2 * Runtime.getRuntime().availableProcessors(),
        request -> HttpResponse.of(413, "text/plain", "Request Entity Too Large"));
  }

  public HttpServerConfig withMaxBodyBytes(int bytes) {
    return new HttpServerConfig(host, port, bytes, workerThreads, payloadTooLarge);
  }

  public HttpServerConfig withPayloadTooLarge(Function<HttpRequest, HttpResponse> answer) {
    return new HttpServerConfig(host, port, maxBodyBytes, workerThreads, answer);
  }

  public HttpServerConfig withWorkerThreads(int threads) {
    return new HttpServerConfig(host, port, maxBodyBytes, threads, payloadTooLarge);
  }
}
