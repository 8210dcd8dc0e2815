package dev.billinggate.console.view;

import dev.billinggate.console.gate.GateDecision;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;

/**
 * AWS's "You don't have permission to perform this action" page, with the reason the gate found.
 * The headline is the same for every reason, as in AWS's console; the explanation below it differs.
 */
public final class DeniedView {
  private DeniedView() {}

  public static Html render(Exchange ex, String pageTitle, GateDecision decision) {
    Html content = Html.of("""
        <section class="alert error" role="alert"><h2>%s</h2>%s</section>""",
        ex.msg("denied.title"), detail(ex, decision));
    return Layout.page(ex, pageTitle, content);
  }

  private static Html detail(Exchange ex, GateDecision decision) {
    if (decision instanceof GateDecision.IamAccessDeactivated off) {
      Html member = Html.when(off.memberAccount(), Html.of("<div class=\"note\"><p>%s</p><p>%s</p></div>",
          ex.msg("denied.memberRootOnly", off.accountId()), ex.msg("denied.centralRootAccess")));
      return Html.of("<p>%s</p><p>%s</p>%s", ex.msg("denied.iamAccessOff", off.accountId()),
          ex.msg("denied.onlyRootActivates"), member);
    }
    if (decision instanceof GateDecision.LinkedAccountAccessOff off) {
      return Html.of("<p>%s</p>", ex.msg("denied.linkedAccountAccessOff", off.managementAccountId()));
    }
    if (decision instanceof GateDecision.MissingPermission missing) {
      return Html.of("<p>%s</p><p class=\"code\">%s</p>", ex.msg("denied.needPermissions", missing.action()),
          missing.message());
    }
    throw new IllegalArgumentException("not a denial: " + decision);
  }
}
