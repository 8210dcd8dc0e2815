package dev.billinggate.emulator;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.AwsIds;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import java.util.function.Function;

/**
 * {@code serve --moto-compat} only: moto server mode's reset, {@code POST /moto-api/reset}, unsigned
 * as moto has it, answered {@code {"status": "ok"}} as moto answers. Nothing else of moto's API.
 */
public final class MotoApi {
  static final String PREFIX = "/moto-api/";

  private final StateControl state;
  private final AwsIds ids;
  private final ProtocolCodec codec = ProtocolCodecs.forService(ServiceId.BILLING);

  public MotoApi(StateControl state, AwsIds ids) {
    this.state = state;
    this.ids = ids;
  }

  public Function<HttpRequest, HttpResponse> mountedOver(Function<HttpRequest, HttpResponse> next) {
    return request -> request.rawPath().startsWith(PREFIX) ? handle(request) : next.apply(request);
  }

  private HttpResponse handle(HttpRequest request) {
    if ("POST".equals(request.method()) && request.rawPath().equals(PREFIX + "reset")) {
      state.reset();
      return HttpResponse.of(200, "application/json", "{\"status\": \"ok\"}");
    }
    AwsException unknown = EmulatorApiError.UNKNOWN_OPERATION.exception(
        "billing-gate's --moto-compat has only POST /moto-api/reset, not %s %s.", request.method(), request.rawPath());
    return codec.encodeError(unknown, ids.requestId());
  }
}
