package dev.billinggate.console;

import dev.billinggate.catalog.BillingPage;
import dev.billinggate.console.gate.GateDecision;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.view.DeniedView;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.billing.CostManagement.Preferences;
import java.util.Optional;

/**
 * Cost Management preferences: the management account decides whether member accounts may use
 * Cost Explorer (linked account access) and see their refunds, credits and discounts. These never
 * change any account's IAM billing access switch.
 */
final class PreferencesPages {
  private final ConsoleServices services;
  private final PageGate gate;

  PreferencesPages(ConsoleServices services, PageGate gate) {
    this.services = services;
    this.gate = gate;
  }

  HttpResponse view(Exchange ex, CallContext context) {
    return Responses.html(200, page(ex));
  }

  HttpResponse update(Exchange ex, CallContext context) {
    Optional<String> denial = gate.denial(BillingPage.UPDATE_PREFERENCES, context);
    if (denial.isPresent()) {
      return Responses.html(403, DeniedView.render(ex, ex.msg("nav.preferences"),
          new GateDecision.MissingPermission(BillingPage.UPDATE_PREFERENCES, denial.get())));
    }
    String accountId = context.caller().accountId();
    if (!gate.isManagementAccount(accountId)) {
      return Responses.html(403, page(ex));
    }
    services.costs().management().updatePreferences(new Preferences(accountId,
        "on".equals(ex.form().get("linkedAccountAccess")),
        "on".equals(ex.form().get("refundsAndCredits")), "on".equals(ex.form().get("discounts"))));
    return Responses.redirect("/console/costmanagement/preferences?updated=1");
  }

  private Html page(Exchange ex) {
    String accountId = ex.session().acting().accountId();
    if (!gate.isManagementAccount(accountId)) {
      return Layout.page(ex, ex.msg("nav.preferences"),
          Html.of("<section class=\"card\"><p>%s</p></section>", ex.msg("prefs.managementOnly")));
    }
    Preferences current = services.costs().management().preferences(accountId);
    Html updated = Html.when("1".equals(ex.query().get("updated")),
        Html.of("<p class=\"alert success\" role=\"status\">%s</p>", ex.msg("prefs.updated")));
    Html content = Html.of("""
        %s<section class="card"><h2>%s</h2><p>%s</p>
        <form method="post" action="/console/costmanagement/preferences" class="stack">%s
        %s%s%s<button type="submit" class="primary">%s</button></form></section>""",
        updated, ex.msg("prefs.memberAccess"), ex.msg("prefs.intro"), Layout.csrf(ex.session()),
        checkbox(ex, "linkedAccountAccess", current.linkedAccountAccess()),
        checkbox(ex, "refundsAndCredits", current.linkedAccountRefundsAndCredits()),
        checkbox(ex, "discounts", current.linkedAccountDiscounts()), ex.msg("save"));
    return Layout.page(ex, ex.msg("nav.preferences"), content);
  }

  private static Html checkbox(Exchange ex, String name, boolean checked) {
    return Html.of("<label class=\"check\"><input type=\"checkbox\" name=\"%s\" id=\"%s\"%s> %s</label>", name, name,
        Html.when(checked, new Html(" checked")), ex.msg("prefs." + name));
  }
}
