package dev.billinggate.bench;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.CredentialLookup;
import dev.billinggate.auth.sigv4.SigV4Verifier;
import dev.billinggate.auth.sigv4.SignatureParameters;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.gateway.http.HttpServerConfig;
import dev.billinggate.gateway.http.NettyHttpServer;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link NettyHttpServer} with a stand-in for the gateway, to measure the server and the generator:
 * {@code trivial} answers at once, {@code sigv4} verifies every request against one fixed key first.
 *
 * <pre>
 * java -cp ... dev.billinggate.bench.BenchServer [--mode trivial|sigv4] [--port 0]
 * </pre>
 *
 * Prints {@code listening <port>} once bound, then serves until killed.
 */
public final class BenchServer {
  static final String ACCESS_KEY_ID = "AKIABENCHMARK0000001";
  static final String SECRET_ACCESS_KEY = "benchmarkSecretAccessKey/0000000000000000";
  private static final byte[] CALLER_XML = ("<GetCallerIdentityResponse><GetCallerIdentityResult>"
      + "<Arn>arn:aws:iam::123456789012:user/bench</Arn><UserId>AIDABENCHMARK0000001</UserId>"
      + "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>").getBytes();

  private BenchServer() {}

  public static void main(String[] args) throws InterruptedException {
    String mode = option(args, "--mode", "sigv4");
    int port = Integer.parseInt(option(args, "--port", "0"));
    NettyHttpServer server = start(mode, port);
    System.out.println("listening " + server.port());
    Thread.currentThread().join();
  }

  static NettyHttpServer start(String mode, int port) throws InterruptedException {
    Function<HttpRequest, HttpResponse> handler = switch (mode) {
      case "trivial" -> request -> HttpResponse.of(200, "text/xml", CALLER_XML);
      case "sigv4" -> verifying(new SigV4Verifier(fixedKey(), Clock.systemUTC()));
      default -> throw new IllegalArgumentException("Unknown mode " + mode);
    };
    return NettyHttpServer.start(HttpServerConfig.loopback(port), handler);
  }

  private static Function<HttpRequest, HttpResponse> verifying(SigV4Verifier verifier) {
    return request -> {
      try {
        // As the gateway will: route on the credential scope, then verify the parsed parameters.
        SignatureParameters signature = SignatureParameters.of(request);
        ServiceId service = ServiceId.bySigningName(signature.scope().service());
        verifier.verify(request, signature, service == null ? ServiceId.STS : service);
        return HttpResponse.of(200, "text/xml", CALLER_XML);
      } catch (AwsException e) {
        return HttpResponse.of(e.code().httpStatus(), "text/xml", "<ErrorResponse><Error><Code>" + e.code().code()
            + "</Code><Message>" + e.getMessage() + "</Message></Error></ErrorResponse>");
      }
    };
  }

  private static CredentialLookup fixedKey() {
    Caller caller = new Caller(CallerType.IAM_USER, "123456789012", "arn:aws:iam::123456789012:user/bench",
        "AIDABENCHMARK0000001", ACCESS_KEY_ID, null);
    Optional<CredentialLookup.Credential> credential =
        Optional.of(new CredentialLookup.Credential(SECRET_ACCESS_KEY, null, null, true, caller));
    return key -> ACCESS_KEY_ID.equals(key) ? credential : Optional.empty();
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
