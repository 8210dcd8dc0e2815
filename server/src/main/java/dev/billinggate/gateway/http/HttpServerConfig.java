package dev.billinggate.gateway.http;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
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
 * @param bodyTimeout how long a request's body may send nothing before {@code bodyStalled} answers
 * @param bodyEnded answers (headers only, as {@code payloadTooLarge}) a request whose client half-closed
 *     the connection before its body was complete; empty: close without an answer
 * @param bodyStalled answers a request whose body sent nothing for {@code bodyTimeout}; empty: close
 */
public record HttpServerConfig(
    String host,
    int port,
    int maxBodyBytes,
    int workerThreads,
    Function<HttpRequest, HttpResponse> payloadTooLarge,
    Duration bodyTimeout,
    Function<HttpRequest, Optional<HttpResponse>> bodyEnded,
    Function<HttpRequest, Optional<HttpResponse>> bodyStalled) {

  public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
  /** How long a body may pause before the request is given up (S3 answers RequestTimeout after about 20 s). */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

  public HttpServerConfig {
    if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
      throw new IllegalArgumentException("the body timeout must be positive");
    }
  }

  /** The default body timeout; a cut or stalled body closes the connection without an answer. */
  public HttpServerConfig(String host, int port, int maxBodyBytes, int workerThreads,
      Function<HttpRequest, HttpResponse> payloadTooLarge) {
    this(host, port, maxBodyBytes, workerThreads, payloadTooLarge, DEFAULT_BODY_TIMEOUT, request -> Optional.empty(),
        request -> Optional.empty());
  }

  /** Loopback, the given port, a 10 MiB body limit, two handler threads per core, a plain 413. */
  public static HttpServerConfig loopback(int port) {
    return new HttpServerConfig("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES,
        2 * Runtime.getRuntime().availableProcessors(),
        request -> HttpResponse.of(413, "text/plain", "Request Entity Too Large"));
  }

  public HttpServerConfig withMaxBodyBytes(int bytes) {
    return new HttpServerConfig(host, port, bytes, workerThreads, payloadTooLarge, bodyTimeout, bodyEnded,
        bodyStalled);
  }

  public HttpServerConfig withPayloadTooLarge(Function<HttpRequest, HttpResponse> answer) {
    return new HttpServerConfig(host, port, maxBodyBytes, workerThreads, answer, bodyTimeout, bodyEnded, bodyStalled);
  }

  public HttpServerConfig withWorkerThreads(int threads) {
    return new HttpServerConfig(host, port, maxBodyBytes, threads, payloadTooLarge, bodyTimeout, bodyEnded,
        bodyStalled);
  }

  /**
   * How a body that stops short of its length is answered: {@code ended} when the client half-closes
   * the connection, {@code stalled} when no byte comes for {@code timeout}; empty closes the
   * connection without an answer.
   */
  public HttpServerConfig withIncompleteBody(Duration timeout, Function<HttpRequest, Optional<HttpResponse>> ended,
      Function<HttpRequest, Optional<HttpResponse>> stalled) {
    return new HttpServerConfig(host, port, maxBodyBytes, workerThreads, payloadTooLarge, timeout, ended, stalled);
  }
}
