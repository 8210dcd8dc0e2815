package dev.billinggate.app;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.gateway.Gateway;
import dev.billinggate.store.Store;
import java.util.function.Function;

/**
 * Before each request, makes every write another server committed to a shared store visible here
 * ({@link Store#sync}), so a client sees its own writes whichever server answers it. When the store
 * cannot be reached the request is answered at once with that error (ServiceUnavailable) in its
 * protocol's shape, or a plain 503 page for the console.
 */
final class StoreSync {
  private StoreSync() {}

  static Function<HttpRequest, HttpResponse> around(Store store, Gateway gateway,
      Function<HttpRequest, HttpResponse> next) {
    return request -> {
      try {
        store.sync();
      } catch (AwsException e) {
        if (request.rawPath().startsWith("/console")) {
          return HttpResponse.of(e.code().httpStatus(), "text/plain; charset=utf-8",
              "billing-gate cannot reach its database; try again shortly.\n").withHeader("Retry-After", "5");
        }
        return gateway.refuse(request, e).withHeader("Retry-After", "5");
      }
      return next.apply(request);
    };
  }
}
