package dev.billinggate.governance;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/**
 * The audit as one HTML file: no external assets, a sortable table and an inline SVG readiness chart.
 * Rows are written as accounts arrive; the chart needs the totals, so it is written last and shown
 * above the table through CSS {@code order}.
 */
final class HtmlAuditWriter implements AuditSink {
  private static final Map<Verdict, String> COLORS = Map.of(Verdict.READY, "#2e7d32", Verdict.BLOCKED, "#c62828",
      Verdict.UNKNOWN, "#f9a825", Verdict.ERROR, "#6a1b9a");

  private final Writer out;

  HtmlAuditWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(AuditHeader header) throws IOException {
    out.write("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>billing-gate audit %s</title>
        <style>body{font-family:system-ui,sans-serif;margin:2em;display:flex;flex-direction:column;align-items:flex-start}
        #summary{order:-1}table{border-collapse:collapse}
        th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{cursor:pointer;background:#eee}
        .v-READY{color:#2e7d32}.v-BLOCKED{color:#c62828}.v-UNKNOWN{color:#8d6e00}.v-ERROR{color:#6a1b9a}</style></head>
        <body><h1 style="order:-3">Root credential readiness</h1>
        <p style="order:-2">Organization %s, caller %s, run %s, started %s.</p>
        <table id="accounts"><thead><tr><th>Account</th><th>Name</th><th>State</th><th>Verdict</th><th>Billing access</th>
        <th>Root credentials</th><th>Reasons</th></tr></thead><tbody>
        """.formatted(esc(header.runId()), esc(header.organization().organizationId()),
        esc(header.organization().caller()), esc(header.runId()), header.startedAt()));
  }

  @Override
  public void account(AccountAudit a) throws IOException {
    out.write("<tr><td>" + esc(a.accountId()) + "</td><td>" + esc(a.name()) + "</td><td>" + esc(a.state())
        + "</td><td class=\"v-" + a.verdict() + "\">" + a.verdict() + "</td><td>" + a.billingAccess() + "</td><td>"
        + esc(a.credentials() == null ? "not read" : a.credentials().describe()) + "</td><td>"
        + esc(String.join("; ", a.reasons())) + "</td></tr>\n");
  }

  @Override
  public void end(Instant finishedAt, AuditTally tally) throws IOException {
    out.write("""
        </tbody></table>
        <div id="summary"><p>%d account(s), finished %s.</p>
        %s</div>
        <script>
        document.querySelectorAll('#accounts th').forEach((th, i) => th.addEventListener('click', () => {
          const body = document.querySelector('#accounts tbody');
          const asc = th.dataset.asc !== 'true'; th.dataset.asc = asc;
          [...body.rows].sort((a, b) => a.cells[i].textContent.localeCompare(b.cells[i].textContent) * (asc ? 1 : -1))
            .forEach(r => body.appendChild(r));
        }));
        </script></body></html>
        """.formatted(tally.accounts(), finishedAt, chart(tally)));
    out.flush();
  }

  /** Horizontal bars, one per verdict, scaled to the largest count. */
  private static String chart(AuditTally tally) {
    Map<Verdict, Integer> counts = tally.verdicts();
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    StringBuilder svg = new StringBuilder(
        "<svg role=\"img\" aria-label=\"Readiness summary\" width=\"420\" height=\"110\" xmlns=\"http://www.w3.org/2000/svg\">");
    int y = 0;
    for (Verdict v : Verdict.values()) {
      int width = 300 * counts.get(v) / max;
      svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(v).append("</text>")
          .append("<rect x=\"80\" y=\"").append(y + 4).append("\" height=\"16\" width=\"").append(width)
          .append("\" fill=\"").append(COLORS.get(v)).append("\"/>")
          .append("<text x=\"").append(86 + width).append("\" y=\"").append(y + 16).append("\" font-size=\"13\">")
          .append(counts.get(v)).append("</text>");
      y += 26;
    }
    return svg.append("</svg>").toString();
  }

  private static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
