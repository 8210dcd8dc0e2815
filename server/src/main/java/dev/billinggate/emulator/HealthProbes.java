package dev.billinggate.emulator;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Unsigned probes for a load balancer or an orchestrator, the only unsigned paths under {@code
 * /_billing-gate/}; they reveal nothing but whether the server is up:
 *
 * <pre>
 * GET /_billing-gate/v1/health   200 while the process serves HTTP (liveness), whatever the database does
 * GET /_billing-gate/v1/ready    200 while the store answers and is migrated, else 503 (readiness)
 * </pre>
 */
public final class HealthProbes {
  static final String HEALTH = "/_billing-gate/v1/health";
  static final String READY = "/_billing-gate/v1/ready";

  private final BooleanSupplier ready;

  /** @param ready whether the store answers now; called on each readiness probe */
  public HealthProbes(BooleanSupplier ready) {
    this.ready = ready;
  }

  /** The probes' paths come here; everything else goes on to {@code next}. */
  public Function<HttpRequest, HttpResponse> mountedOver(Function<HttpRequest, HttpResponse> next) {
    return request -> {
      boolean get = "GET".equals(request.method()) || "HEAD".equals(request.method());
      if (get && HEALTH.equals(request.rawPath())) {
        return status(200, "ok");
      }
      if (get && READY.equals(request.rawPath())) {
        return ready.getAsBoolean() ? status(200, "ready") : status(503, "unavailable");
      }
      return next.apply(request);
    };
  }

  private static HttpResponse status(int code, String status) {
    return HttpResponse.of(code, "application/json", "{\"status\":\"" + status + "\"}")
        .withHeader("Cache-Control", "no-store");
  }
}
