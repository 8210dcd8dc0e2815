package dev.billinggate.console.view;

import dev.billinggate.console.session.ConsoleSession;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import java.util.ArrayList;
import java.util.List;

/** The page frame: header with identity, language and sign-out, the service menu, and the content. */
public final class Layout {
  private static final String[][] MENU = {
      {"/console/billing/home", "nav.home"},
      {"/console/billing/bills", "nav.bills"},
      {"/console/costexplorer", "nav.costExplorer"},
      {"/console/budgets", "nav.budgets"},
      {"/console/costmanagement/preferences", "nav.preferences"},
      {"/console/billing/account", "nav.account"},
      {"/console/organizations", "nav.organizations"},
      {"/console/iam/root-access", "nav.rootAccess"},
  };

  private Layout() {}

  /** A signed-in page. */
  public static Html page(Exchange ex, String title, Html content) {
    ConsoleSession session = ex.session();
    List<Html> items = new ArrayList<>();
    for (String[] item : MENU) {
      boolean current = ("/console" + ex.path()).equals(item[0]);
      items.add(Html.of("<li><a href=\"%s\"%s>%s</a></li>", item[0],
          Html.when(current, new Html(" aria-current=\"page\"")), ex.msg(item[1])));
    }
    Html switchControl = session.switched()
        ? Html.of("""
            <form method="post" action="/console/switchrole/back" class="inline">%s
            <button type="submit" class="link">%s</button></form>""", csrf(session), ex.msg("switchRole.back"))
        : Html.when(!session.signedIn().isRoot(),
            Html.of("<a href=\"/console/switchrole\">%s</a>", ex.msg("switchRole.title")));
    Html header = Html.of("""
        <header class="top"><a class="brand" href="/console/billing/home">%s</a>
        <nav class="account" aria-label="%s"><span class="who">%s</span>%s%s
        <form method="post" action="/console/signout" class="inline">%s<button type="submit" class="link">%s</button></form>
        </nav></header>""",
        ex.msg("product"), ex.msg("nav.accountMenu"), identity(ex), switchControl, languages(ex), csrf(session),
        ex.msg("signOut"));
    Html body = Html.of("""
        %s<div class="frame"><nav class="menu" aria-label="%s"><h2>%s</h2><ul>%s</ul></nav>
        <main id="main"><h1>%s</h1>%s</main></div>""",
        header, ex.msg("nav.menu"), ex.msg("nav.billingAndCost"), Html.join(items), title, content);
    return document(ex, title, body);
  }

  /** A page without the menu (sign-in, password change). */
  public static Html bare(Exchange ex, String title, Html content) {
    Html body = Html.of("""
        <header class="top"><span class="brand">%s</span><nav class="account" aria-label="%s">%s</nav></header>
        <main id="main" class="narrow"><h1>%s</h1>%s</main>""",
        ex.msg("product"), ex.msg("nav.accountMenu"), languages(ex), title, content);
    return document(ex, title, body);
  }

  private static Html document(Exchange ex, String title, Html body) {
    return Html.of("""
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s | %s</title><link rel="stylesheet" href="/console/static/console.css"></head>
        <body><a class="skip" href="#main">%s</a>%s</body></html>
        """, ex.messages().language(), title, ex.msg("product"), ex.msg("skipToContent"), body);
  }

  /** The hidden synchronizer-token field every form carries. */
  public static Html csrf(ConsoleSession session) {
    return Html.of("<input type=\"hidden\" name=\"csrf\" value=\"%s\">", session.csrfToken());
  }

  private static Html identity(Exchange ex) {
    ConsoleSession session = ex.session();
    return session.switched()
        ? Html.of("%s <span class=\"muted\">(%s)</span>", session.acting().displayName(), session.signedIn().displayName())
        : Html.text(session.acting().displayName());
  }

  private static Html languages(Exchange ex) {
    String path = "/console" + ex.path();
    return Html.of("<span class=\"lang\"><a href=\"%s?lang=en\" lang=\"en\">English</a> <a href=\"%s?lang=ja\" lang=\"ja\">日本語</a></span>",
        path, path);
  }
}
