package dev.billinggate.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Root access management → Take privileged action → Delete SQS queue policy / Delete S3 bucket
 * policy, as AWS's console does it: a root session in the member with the unlock task lists the
 * account's queues or buckets with their policies, and deletes the policy chosen — the only change
 * those task policies allow.
 */
final class ResourcePolicyPages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsoleServices services;
  private final RootTasks rootTasks;
  private final LockableResources resources;

  ResourcePolicyPages(ConsoleServices services, RootTasks rootTasks, LockableResources resources) {
    this.services = services;
    this.rootTasks = rootTasks;
    this.resources = resources;
  }

  /** The member's resources, each with its policy and a delete button. */
  HttpResponse list(Exchange ex) {
    String account = ex.query().get("account", "");
    String m = resources.messages();
    Html body;
    try {
      CallContext root = rootTasks.assumeRoot(resources.task(), account, services.context(ex));
      List<Html> rows = new ArrayList<>();
      for (String resource : resources.list(root)) {
        rows.add(row(ex, account, resource, resources.policy(root, resource)));
      }
      body = rows.isEmpty() ? Html.of("<p class=\"muted\">%s</p>", ex.msg(m + ".none"))
          : Html.of("<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th></th></tr></thead>"
              + "<tbody>%s</tbody></table>", ex.msg(m + ".url"), ex.msg(m + ".policy"), Html.join(rows));
    } catch (AwsException e) {
      body = Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", e.getMessage());
    }
    Html content = Html.of("%s<section class=\"card\"><p>%s</p>%s<p><a href=\"/console/iam/root-access\">"
        + "%s</a></p></section>", RootAccessPages.outcome(ex), ex.msg(m + ".explain", account), body,
        ex.msg(m + ".back"));
    return Responses.html(200, Layout.page(ex, ex.msg(m + ".title"), content));
  }

  /** Deletes the policy as the member's root and reports the outcome. */
  HttpResponse deletePolicy(Exchange ex) {
    String account = ex.form().get("account", "");
    String resource = ex.form().get(resources.field(), "");
    try {
      resources.deletePolicy(rootTasks.assumeRoot(resources.task(), account, services.context(ex)), resource);
      ex.session().flash(ex.msg(resources.messages() + ".deleted", resource));
    } catch (AwsException e) {
      ex.session().flash(ex.msg("root.taskFailed", resources.task(), account, e.getMessage()));
    }
    return Responses.redirect("/console" + resources.path() + "?account="
        + URLEncoder.encode(account, StandardCharsets.UTF_8));
  }

  private Html row(Exchange ex, String account, String resource, String policy) {
    String m = resources.messages();
    Html action = policy == null ? Html.of("<span class=\"muted\">%s</span>", ex.msg(m + ".noPolicy"))
        : Html.of("""
            <form method="post" action="/console%s">%s<input type="hidden" name="account" value="%s">
            <input type="hidden" name="%s" value="%s"><button type="submit" class="danger">%s</button></form>""",
            resources.path(), Layout.csrf(ex.session()), account, resources.field(), resource, ex.msg(m + ".delete"));
    return Html.of("<tr><th scope=\"row\"><code>%s</code></th><td><pre class=\"policy\">%s</pre></td><td>%s</td></tr>",
        resource, policy == null ? "" : indented(policy), action);
  }

  /** The policy as the person will read it; it was validated when set, so it parses. */
  private static String indented(String policy) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(policy));
    } catch (JsonProcessingException e) {
      return policy;
    }
  }

  /** The entry point on the Root access management page: which member to act on. */
  Html entryForm(Exchange ex) {
    String m = resources.messages();
    return Html.of("""
        <section class="card"><h2>%s</h2><form method="get" action="/console%s" class="stack">
        <label>%s<input name="account" inputmode="numeric" pattern="[0-9]{12}" required></label>
        <button type="submit">%s</button></form></section>""",
        ex.msg(m + ".title"), resources.path(), ex.msg("col.account"), ex.msg(m + ".browse"));
  }
}
