package dev.billinggate.governance;

import java.util.Map;

/** The audit as one HTML file: no external assets, a sortable table and an inline SVG readiness chart. */
final class AuditHtml {
  private static final Map<Verdict, String> COLORS = Map.of(Verdict.READY, "#2e7d32", Verdict.BLOCKED, "#c62828",
      Verdict.UNKNOWN, "#f9a825", Verdict.ERROR, "#6a1b9a");

  private AuditHtml() {}

  static String render(AuditRun run) {
    StringBuilder rows = new StringBuilder();
    for (AccountAudit a : run.accounts()) {
      rows.append("<tr><td>").append(esc(a.accountId())).append("</td><td>").append(esc(a.name()))
          .append("</td><td>").append(esc(a.state())).append("</td><td class=\"v-").append(a.verdict())
          .append("\">").append(a.verdict()).append("</td><td>").append(a.billingAccess()).append("</td><td>")
          .append(esc(a.credentials() == null ? "not read" : a.credentials().describe())).append("</td><td>")
          .append(esc(String.join("; ", a.reasons()))).append("</td></tr>\n");
    }
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>billing-gate audit %s</title>
        <style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}
        th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{cursor:pointer;background:#eee}
        .v-READY{color:#2e7d32}.v-BLOCKED{color:#c62828}.v-UNKNOWN{color:#8d6e00}.v-ERROR{color:#6a1b9a}</style></head>
        <body><h1>Root credential readiness</h1>
        <p>Organization %s, caller %s, run %s, %s to %s.</p>
        %s
        <table id="accounts"><thead><tr><th>Account</th><th>Name</th><th>State</th><th>Verdict</th><th>Billing access</th>
        <th>Root credentials</th><th>Reasons</th></tr></thead><tbody>
        %s</tbody></table>
        <script>
        document.querySelectorAll('#accounts th').forEach((th, i) => th.addEventListener('click', () => {
          const body = document.querySelector('#accounts tbody');
          const asc = th.dataset.asc !== 'true'; th.dataset.asc = asc;
          [...body.rows].sort((a, b) => a.cells[i].textContent.localeCompare(b.cells[i].textContent) * (asc ? 1 : -1))
            .forEach(r => body.appendChild(r));
        }));
        </script></body></html>
        """.formatted(esc(run.runId()), esc(run.organization().organizationId()), esc(run.organization().caller()),
        esc(run.runId()), run.startedAt(), run.finishedAt(), chart(run), rows);
  }

  /** Horizontal bars, one per verdict, scaled to the largest count. */
  private static String chart(AuditRun run) {
    Map<Verdict, Integer> counts = run.verdicts();
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
