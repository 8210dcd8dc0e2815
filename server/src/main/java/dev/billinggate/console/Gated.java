package dev.billinggate.console;

import dev.billinggate.console.gate.BillingPage;
import dev.billinggate.console.gate.GateDecision;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.view.DeniedView;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import java.util.function.Function;

/** Opens a billing page through the {@link PageGate}, or answers 403 with the permission page. */
final class Gated {
  private Gated() {}

  static HttpResponse open(Exchange ex, ConsoleServices services, PageGate gate, BillingPage page,
      Function<CallContext, HttpResponse> render) {
    CallContext context = services.context(ex);
    GateDecision decision = gate.check(page, context);
    if (decision instanceof GateDecision.Allowed) {
      return render.apply(context);
    }
    return Responses.html(403, DeniedView.render(ex, ex.msg(page.titleKey()), decision));
  }
}
