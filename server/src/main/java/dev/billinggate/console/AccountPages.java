package dev.billinggate.console;

import dev.billinggate.catalog.BillingPage;
import dev.billinggate.console.gate.GateDecision;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.view.DeniedView;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.iam.IamSignIn.RegisteredAccount;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.account.model.ContactInformation;
import software.amazon.awssdk.services.account.model.GetContactInformationRequest;
import software.amazon.awssdk.services.account.model.GetContactInformationResponse;

/**
 * The Account page and its "IAM user and role access to Billing information" card: Edit → tick
 * "Activate IAM Access" → Update. Activating is a root-user task (no policy can grant it);
 * deactivating is also open to IAM principals allowed {@code billing:UpdateIAMAccessPreference}
 * when {@link ConsoleSettings#iamPrincipalsMayDeactivate()} says so.
 */
final class AccountPages {
  private final ConsoleServices services;
  private final PageGate gate;
  private final ConsoleSettings settings;

  AccountPages(ConsoleServices services, PageGate gate, ConsoleSettings settings) {
    this.services = services;
    this.gate = gate;
    this.settings = settings;
  }

  HttpResponse view(Exchange ex, CallContext context) {
    String accountId = context.caller().accountId();
    RegisteredAccount account = services.iam().account(accountId).orElseThrow();
    boolean activated = gate.iamAccessActivated(accountId);
    Html updated = Html.when("1".equals(ex.query().get("updated")),
        Html.of("<p class=\"alert success\" role=\"status\">%s</p>", ex.msg("account.updated")));
    Html contact = contact(ex, context, account);
    Html content = Html.of("""
        %s<section class="card"><h2>%s</h2><dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl></section>
        <section class="card"><h2>%s</h2>%s</section>
        <section class="card" id="iam-access"><div class="card-head"><h2>%s</h2>
        <a class="button" href="/console/billing/account/iam-access">%s</a></div>
        <p id="iam-access-status"><strong>%s</strong></p><p>%s</p><p class="muted">%s</p></section>""",
        updated, ex.msg("account.settings"), ex.msg("account.id"), accountId, ex.msg("account.name"), account.name(),
        ex.msg("account.contact"), contact,
        ex.msg("account.iamAccess.title"), ex.msg("edit"),
        ex.msg(activated ? "account.iamAccess.activated" : "account.iamAccess.deactivated"),
        ex.msg("account.iamAccess.explain"), ex.msg("account.iamAccess.rootOnly"));
    return Responses.html(200, Layout.page(ex, ex.msg("nav.account"), content));
  }

  /**
   * The contact information card, from the Account API called as the principal: its own
   * authorization decides, and a denial names the missing action in place.
   */
  private Html contact(Exchange ex, CallContext context, RegisteredAccount account) {
    try {
      ContactInformation c = services.gateway().invoke(ServiceId.ACCOUNT, GetContactInformationRequest.builder().build(),
          context, GetContactInformationResponse.class).contactInformation();
      String address = String.join(", ", Stream.of(c.addressLine1(), c.city(), c.stateOrRegion(), c.postalCode(),
          c.countryCode()).filter(part -> part != null && !part.isBlank()).toList());
      return Html.of("<dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>",
          ex.msg("account.fullName"), c.fullName(), ex.msg("account.address"), address, ex.msg("account.phone"),
          c.phoneNumber());
    } catch (AwsException e) {
      if (e.code().httpStatus() == 403) {
        return Html.of("<p class=\"muted\">%s</p>", ex.msg("denied.needPermissions", BillingPage.CONTACT_INFORMATION));
      }
      // No contact information saved yet: AWS shows what sign-up recorded.
      return Html.of("<dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>",
          ex.msg("account.fullName"), account.name(), ex.msg("account.email"), account.email());
    }
  }

  HttpResponse editForm(Exchange ex, CallContext context) {
    Optional<HttpResponse> refused = refusedToEdit(ex, context);
    return refused.orElseGet(() -> Responses.html(200, editPage(ex, null)));
  }

  HttpResponse update(Exchange ex, CallContext context) {
    Optional<HttpResponse> refused = refusedToEdit(ex, context);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean activate = "on".equals(ex.form().get("activate"));
    boolean root = context.caller().isRoot();
    if (!root && (activate || !settings.iamPrincipalsMayDeactivate())) {
      return Responses.html(403, editPage(ex, ex.msg("account.iamAccess.rootRequired")));
    }
    String accountId = context.caller().accountId();
    BillingAccess.set(services.store(), accountId, activate);
    return Responses.redirect("/console/billing/account?updated=1");
  }

  /** Root may always edit; anyone else needs billing:UpdateIAMAccessPreference to open the form at all. */
  private Optional<HttpResponse> refusedToEdit(Exchange ex, CallContext context) {
    if (context.caller().isRoot()) {
      return Optional.empty();
    }
    return gate.denial(BillingPage.UPDATE_IAM_ACCESS, context).map(message -> Responses.html(403,
        DeniedView.render(ex, ex.msg("account.iamAccess.title"),
            new GateDecision.MissingPermission(BillingPage.UPDATE_IAM_ACCESS, message))));
  }

  private Html editPage(Exchange ex, String error) {
    boolean activated = gate.iamAccessActivated(ex.session().acting().accountId());
    Html alert = error == null ? Html.EMPTY : Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", error);
    Html content = Html.of("""
        %s<section class="card"><p>%s</p><p class="muted">%s</p>
        <form method="post" action="/console/billing/account/iam-access" class="stack">%s
        <label class="check"><input type="checkbox" name="activate" id="activate-iam-access"%s> %s</label>
        <div class="row"><a class="button" href="/console/billing/account">%s</a>
        <button type="submit" class="primary">%s</button></div></form></section>""",
        alert, ex.msg("account.iamAccess.explain"), ex.msg("account.iamAccess.rootOnly"), Layout.csrf(ex.session()),
        Html.when(activated, new Html(" checked")), ex.msg("account.iamAccess.activate"), ex.msg("cancel"),
        ex.msg("update"));
    return Layout.page(ex, ex.msg("account.iamAccess.title"), content);
  }
}
