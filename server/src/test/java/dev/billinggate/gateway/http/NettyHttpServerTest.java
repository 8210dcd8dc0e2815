package dev.billinggate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyHttpServerTest {
  private static final int BODY_LIMIT = 1024;

  private final AtomicReference<HttpRequest> received = new AtomicReference<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private NettyHttpServer server;

  @BeforeEach
  void start() throws InterruptedException {
    start(HttpServerConfig.DEFAULT_BODY_TIMEOUT);
  }

  /** Cut and stalled bodies are answered by hooks naming the request, except on path /silent. */
  private void start(Duration bodyTimeout) throws InterruptedException {
    HttpServerConfig config = HttpServerConfig.loopback(0)
        .withMaxBodyBytes(BODY_LIMIT)
        .withWorkerThreads(4)
        .withPayloadTooLarge(request -> HttpResponse.of(413, "application/json",
            "{\"__type\":\"RequestEntityTooLargeException\",\"target\":\"" + request.header("x-amz-target") + "\"}"))
        .withIncompleteBody(bodyTimeout, request -> cut("ended", request), request -> cut("stalled", request));
    server = NettyHttpServer.start(config, request -> {
      received.set(request);
      if (request.rawPath().equals("/fail")) {
        throw new IllegalStateException("handler bug");
      }
      return HttpResponse.of(200, "text/plain", request.method() + " " + request.rawPath() + " " + request.body().length)
          .withHeader("x-amzn-requestid", "r-1");
    });
  }

  private static Optional<HttpResponse> cut(String how, HttpRequest request) {
    return request.rawPath().equals("/silent") ? Optional.empty()
        : Optional.of(HttpResponse.of(400, "text/plain", how + " " + request.rawPath() + " " + request.body().length));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersAClientThatHalfClosesButNeverRunsARequestWhoseBodyItCutShort() throws IOException {
    assertThat(halfClosedAfter("PUT /whole HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd"))
        .startsWith("HTTP/1.1 200").endsWith("PUT /whole 4");
    assertThat(halfClosedAfter("PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabcd"))
        .startsWith("HTTP/1.1 400").endsWith("ended /upload 0");
    assertThat(received.get().rawPath()).isEqualTo("/whole");
  }

  /** The answer to {@code request} sent by a client that then shuts down its sending side. */
  private String halfClosedAfter(String request) throws IOException {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send(request);
      connection.endOutput();
      String response = connection.readResponse();
      assertThat(response).contains("connection: close");
      assertThat(connection.atEndOfStream()).isTrue();
      return response;
    }
  }

  @Test
  void answersABodyThatStallsOnceTheTimeoutPassesAndNeverRunsIt() throws Exception {
    server.close();
    start(Duration.ofMillis(200));
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabcd");
      assertThat(connection.readResponse()).startsWith("HTTP/1.1 400").endsWith("stalled /upload 0");
      assertThat(connection.atEndOfStream()).isTrue();
    }
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("PUT /silent HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n");
      assertThat(connection.atEndOfStream()).isTrue();
    }
    assertThat(received.get()).isNull();
  }

  @Test
  void bindsARandomPortAndHandsTheRequestOverAsSent() throws Exception {
    assertThat(server.port()).isPositive();

    var response = client.send(java.net.http.HttpRequest.newBuilder(uri("/a%2Fb/c%20d?X=%41&y=1+2&flag"))
        .header("X-Mixed-Case", "Value").header("X-Mixed-Case", "Second")
        .POST(BodyPublishers.ofString("Action=GetCallerIdentity")).build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("POST /a%2Fb/c%20d 24");
    assertThat(response.headers().firstValue("x-amzn-requestid")).hasValue("r-1");
    HttpRequest request = received.get();
    assertThat(request.rawQuery()).isEqualTo("X=%41&y=1+2&flag");
    assertThat(request.headers().get("x-mixed-case")).containsExactly("Value", "Second");
    assertThat(request.header("host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(request.remoteAddress()).isEqualTo("127.0.0.1");
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("Action=GetCallerIdentity");
  }

  @Test
  void keepsTheConnectionAliveAndAnswersPipelinedRequestsInOrder() throws IOException {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(connection.readResponse()).startsWith("HTTP/1.1 200").endsWith("GET /first 0");

      connection.send("GET /second HTTP/1.1\r\nHost: x\r\n\r\nPOST /third HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
      assertThat(connection.readResponse()).endsWith("GET /second 0");
      assertThat(connection.readResponse()).endsWith("POST /third 3");
    }
  }

  @Test
  void takesPathAndQueryFromAbsoluteFormTargets() throws IOException {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("GET http://iam.amazonaws.com/p%20q?Action=ListUsers HTTP/1.1\r\nHost: iam.amazonaws.com\r\n\r\n");
      assertThat(connection.readResponse()).endsWith("GET /p%20q 0");
    }
    assertThat(received.get().rawQuery()).isEqualTo("Action=ListUsers");
  }

  @Test
  void closesConnectionsTheClientDoesNotKeepAlive() throws IOException {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("GET /once HTTP/1.0\r\n\r\n");
      assertThat(connection.readResponse()).contains("connection: close").endsWith("GET /once 0");
      assertThat(connection.atEndOfStream()).isTrue();
    }
  }

  @Test
  void answersOversizedBodiesThroughTheHook() throws Exception {
    var response = client.send(java.net.http.HttpRequest.newBuilder(uri("/"))
        .header("X-Amz-Target", "AWSOrganizationsV20161128.ListAccounts")
        .POST(BodyPublishers.ofByteArray(new byte[BODY_LIMIT + 1])).build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("AWSOrganizationsV20161128.ListAccounts");
    assertThat(received.get()).isNull();
  }

  @Test
  void refusesAnOversizedExpectContinueBeforeTheBodyIsSent() throws IOException {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("PUT / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nX-Amz-Target: T.Op\r\nContent-Length: "
          + (BODY_LIMIT + 1) + "\r\n\r\n");
      assertThat(connection.readResponse()).startsWith("HTTP/1.1 413").contains("T.Op");
    }
  }

  @Test
  void continuesAnAcceptableExpectContinue() throws Exception {
    var response = client.send(java.net.http.HttpRequest.newBuilder(uri("/upload")).expectContinue(true)
        .PUT(BodyPublishers.ofString("12345")).build(), BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("PUT /upload 5");
  }

  @Test
  void answersMalformedRequestsWith400() throws IOException {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("THIS IS NOT HTTP\r\n\r\n");
      assertThat(connection.readResponse()).startsWith("HTTP/1.1 400");
    }
  }

  @Test
  void turnsHandlerFailuresInto500AndKeepsServing() throws Exception {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send("GET /fail HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(connection.readResponse()).startsWith("HTTP/1.1 500");
      connection.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(connection.readResponse()).startsWith("HTTP/1.1 200").endsWith("GET /after 0");
    }
  }

  @Test
  void servesConcurrentClients() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String path = "/req" + i;
        statuses.add(clients.submit(() -> client.send(java.net.http.HttpRequest.newBuilder(uri(path)).build(),
            BodyHandlers.ofString()).statusCode()));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  /** A plain socket, to send exactly the bytes a test needs, including invalid HTTP. */
  private static final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(5000);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Status line, headers and body of the next response, joined by newlines. */
    String readResponse() throws IOException {
      StringBuilder response = new StringBuilder();
      int length = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        response.append(line).append('\n');
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      char[] body = new char[length];
      for (int read = 0; read < length; ) {
        read += in.read(body, read, length - read);
      }
      return response.append(body).toString();
    }

    /** Half-closes: the server sees the end of input but can still answer. */
    void endOutput() throws IOException {
      socket.shutdownOutput();
    }

    boolean atEndOfStream() throws IOException {
      return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
