package dev.billinggate.console.view;

import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;

/**
 * The page a form sent without its session's synchronizer token gets: in the visitor's language,
 * saying nothing happened, with a link back to where the form can be sent again.
 */
public final class CsrfRefusal {
  private CsrfRefusal() {}

  public static Html render(Exchange ex, String backTo) {
    Html content = Html.of("""
        <section class="alert error" role="alert"><p>%s</p><p>%s</p></section>
        <p><a class="button" href="%s">%s</a></p>""",
        ex.msg("csrf.explain"), ex.msg("csrf.again"), backTo, ex.msg("csrf.back"));
    return Layout.bare(ex, ex.msg("csrf.title"), content);
  }
}
