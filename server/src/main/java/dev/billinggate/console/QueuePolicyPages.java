package dev.billinggate.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;

/**
 * Root access management → Take privileged action → Delete SQS queue policy, as AWS's console
 * does it: a root session in the member with {@code SQSUnlockQueuePolicy} lists the account's
 * queues with their policies; deleting one sets the queue's {@code Policy} attribute to empty, the
 * only change that task policy allows.
 */
final class QueuePolicyPages {
  static final String PATH = "/iam/root-access/queue-policy";
  private static final String TASK = "SQSUnlockQueuePolicy";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsoleServices services;
  private final RootTasks rootTasks;

  QueuePolicyPages(ConsoleServices services, RootTasks rootTasks) {
    this.services = services;
    this.rootTasks = rootTasks;
  }

  /** The member's queues in the console's region, each with its policy and a delete button. */
  HttpResponse queues(Exchange ex) {
    String account = ex.query().get("account", "");
    Html body;
    try {
      CallContext root = rootTasks.assumeRoot(TASK, account, services.context(ex));
      List<Html> rows = new ArrayList<>();
      for (String url : services.gateway().invoke(ServiceId.SQS, ListQueuesRequest.builder().build(), root,
          ListQueuesResponse.class).queueUrls()) {
        rows.add(row(ex, account, url, policy(root, url)));
      }
      body = rows.isEmpty() ? Html.of("<p class=\"muted\">%s</p>", ex.msg("queue.none"))
          : Html.of("<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th></th></tr></thead>"
              + "<tbody>%s</tbody></table>", ex.msg("queue.url"), ex.msg("queue.policy"), Html.join(rows));
    } catch (AwsException e) {
      body = Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", e.getMessage());
    }
    Html content = Html.of("%s<section class=\"card\"><p>%s</p>%s<p><a href=\"/console/iam/root-access\">"
        + "%s</a></p></section>", RootAccessPages.outcome(ex), ex.msg("queue.explain", account), body,
        ex.msg("queue.back"));
    return Responses.html(200, Layout.page(ex, ex.msg("queue.title"), content));
  }

  /** Deletes the queue policy as the member's root (SQSUnlockQueuePolicy) and reports the outcome. */
  HttpResponse deletePolicy(Exchange ex) {
    String account = ex.form().get("account", "");
    String url = ex.form().get("queueUrl", "");
    try {
      CallContext root = rootTasks.assumeRoot(TASK, account, services.context(ex));
      services.gateway().invoke(ServiceId.SQS, SetQueueAttributesRequest.builder().queueUrl(url)
          .attributesWithStrings(Map.of(QueueAttributeName.POLICY.toString(), "")).build(), root,
          SetQueueAttributesResponse.class);
      ex.session().flash(ex.msg("queue.deleted", url));
    } catch (AwsException e) {
      ex.session().flash(ex.msg("root.taskFailed", TASK, account, e.getMessage()));
    }
    return Responses.redirect("/console" + PATH + "?account=" + URLEncoder.encode(account, StandardCharsets.UTF_8));
  }

  private String policy(CallContext root, String url) {
    return services.gateway().invoke(ServiceId.SQS, GetQueueAttributesRequest.builder().queueUrl(url)
        .attributeNames(QueueAttributeName.POLICY).build(), root, GetQueueAttributesResponse.class)
        .attributesAsStrings().get(QueueAttributeName.POLICY.toString());
  }

  private static Html row(Exchange ex, String account, String url, String policy) {
    Html action = policy == null ? Html.of("<span class=\"muted\">%s</span>", ex.msg("queue.noPolicy"))
        : Html.of("""
            <form method="post" action="/console%s">%s<input type="hidden" name="account" value="%s">
            <input type="hidden" name="queueUrl" value="%s"><button type="submit" class="danger">%s</button></form>""",
            PATH, Layout.csrf(ex.session()), account, url, ex.msg("queue.delete"));
    return Html.of("<tr><th scope=\"row\"><code>%s</code></th><td><pre class=\"policy\">%s</pre></td><td>%s</td></tr>",
        url, policy == null ? "" : indented(policy), action);
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
  static Html entryForm(Exchange ex) {
    return Html.of("""
        <section class="card"><h2>%s</h2><form method="get" action="/console%s" class="stack">
        <label>%s<input name="account" inputmode="numeric" pattern="[0-9]{12}" required></label>
        <button type="submit">%s</button></form></section>""",
        ex.msg("queue.title"), PATH, ex.msg("col.account"), ex.msg("queue.browse"));
  }
}
