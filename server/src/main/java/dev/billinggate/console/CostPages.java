package dev.billinggate.console;

import dev.billinggate.catalog.BillingPage;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.view.BarChart;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.view.Money;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.costexplorer.CostReports;
import dev.billinggate.service.costexplorer.CostReports.Amount;
import dev.billinggate.service.costexplorer.CostReports.Dimension;
import dev.billinggate.service.costexplorer.CostReports.MonthSummary;
import dev.billinggate.service.costexplorer.CostReports.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Billing home, Bills and Cost Explorer: the pages that show cost figures, read from the cost
 * services' {@link CostReports} for the acting principal's account (the management account sees its
 * whole organization, a member only itself). Opening these pages in a standalone or management
 * account enables Cost Explorer, as the console's first visit does on AWS; members depend on their
 * management account.
 */
final class CostPages {
  /** Cost Explorer keeps about a year of history at daily and monthly granularity in its default view. */
  private static final int MAX_RANGE_DAYS = 366;

  private final ConsoleServices services;
  private final PageGate gate;

  CostPages(ConsoleServices services, PageGate gate) {
    this.services = services;
    this.gate = gate;
  }

  HttpResponse home(Exchange ex, CallContext context) {
    return render(ex, "nav.home", context, account -> {
      MonthSummary summary = reports().monthSummary(account);
      List<Amount> topServices = reports().costByService(account, summary.month());
      BigDecimal lastMonth = total(reports().costByService(account, summary.month().minusMonths(1)));
      Html forecast = gate.denial(BillingPage.FORECAST, context)
          .map(denial -> Html.of("<p class=\"muted\">%s</p>", ex.msg("denied.needPermissions", BillingPage.FORECAST)))
          .orElseGet(() -> Html.of("<p class=\"figure\">%s</p>", Money.usd(summary.forecastTotal())));
      return Html.of("""
          <div class="cards">
          <section class="card"><h2>%s</h2><p class="figure">%s</p><p class="muted">%s</p></section>
          <section class="card"><h2>%s</h2>%s<p class="muted">%s</p></section>
          <section class="card"><h2>%s</h2><p class="figure">%s</p></section></div>
          <section class="card"><h2>%s</h2>%s</section>""",
          ex.msg("home.monthToDate"), Money.usd(summary.monthToDate()), summary.month().atDay(1) + " – " + today(),
          ex.msg("home.forecast"), forecast, summary.month().toString(),
          ex.msg("home.lastMonth"), Money.usd(lastMonth),
          ex.msg("home.topServices"), table(ex, ex.msg("col.service"), labelled(topServices)));
    });
  }

  HttpResponse bills(Exchange ex, CallContext context) {
    return render(ex, "nav.bills", context, account -> {
      YearMonth current = YearMonth.from(today());
      YearMonth month = parseMonth(ex.query().get("month")).filter(m -> !m.isAfter(current)).orElse(current);
      List<Amount> byService = reports().costByService(account, month);
      Html byAccount = Html.when(gate.isManagementAccount(account), Html.of(
          "<section class=\"card\"><h2>%s</h2>%s</section>", ex.msg("bills.byAccount"),
          table(ex, ex.msg("col.account"), accounts(reports().costByAccount(account, month)))));
      return Html.of("""
          <form method="get" action="/console/billing/bills" class="row"><label>%s
          <input type="month" name="month" value="%s" max="%s"></label><button type="submit">%s</button></form>
          <section class="card"><h2>%s</h2><p class="figure" id="bill-total">%s</p><p class="muted">%s</p></section>
          <section class="card"><h2>%s</h2>%s</section>%s""",
          ex.msg("bills.period"), month.toString(), current.toString(), ex.msg("apply"),
          ex.msg("bills.total"), Money.usd(total(byService)),
          month.equals(current) ? ex.msg("bills.pending") : ex.msg("bills.issued"),
          ex.msg("bills.byService"), table(ex, ex.msg("col.service"), labelled(byService)), byAccount);
    });
  }

  HttpResponse costExplorer(Exchange ex, CallContext context) {
    return render(ex, "nav.costExplorer", context, account -> {
      LocalDate today = today();
      LocalDate end = parseDate(ex.query().get("end")).filter(d -> !d.isAfter(today)).orElse(today);
      LocalDate start = parseDate(ex.query().get("start")).filter(d -> !d.isAfter(end))
          .filter(d -> !d.isBefore(end.minusDays(MAX_RANGE_DAYS)))
          .orElse(YearMonth.from(end).minusMonths(5).atDay(1));
      Granularity granularity = "DAILY".equals(ex.query().get("granularity")) ? Granularity.DAILY
          : Granularity.MONTHLY;
      Dimension dimension = dimension(ex.query().get("groupBy"));
      List<Row> rows = reports().query(account,
          new CostReports.Query(start, end.plusDays(1), granularity, List.of(dimension)));
      Map<String, BigDecimal> periods = new TreeMap<>();
      Map<String, BigDecimal> groups = new HashMap<>();
      for (Row row : rows) {
        String period = granularity == Granularity.DAILY ? row.start().toString() : YearMonth.from(row.start()).toString();
        periods.merge(period, row.usd(), BigDecimal::add);
        groups.merge(row.keys().get(0), row.usd(), BigDecimal::add);
      }
      return Html.of("""
          <form method="get" action="/console/costexplorer" class="row">
          <label>%s<input type="date" name="start" value="%s"></label>
          <label>%s<input type="date" name="end" value="%s" max="%s"></label>
          <label>%s<select name="granularity">%s</select></label>
          <label>%s<select name="groupBy">%s</select></label>
          <button type="submit">%s</button></form>
          <section class="card"><h2>%s</h2>%s<p>%s <strong id="ce-total">%s</strong></p></section>
          <section class="card"><h2>%s</h2>%s</section>""",
          ex.msg("ce.start"), start.toString(), ex.msg("ce.end"), end.toString(), today.toString(),
          ex.msg("ce.granularity"), options(ex, granularity.name(), "DAILY", "MONTHLY"),
          ex.msg("ce.groupBy"), options(ex, dimension.name(), "SERVICE", "LINKED_ACCOUNT", "REGION"),
          ex.msg("apply"), ex.msg("ce.costs"), BarChart.render(ex.msg("ce.chartLabel", start, end), periods),
          ex.msg("ce.total"), Money.usd(sum(groups.values())),
          ex.msg("ce.breakdown"), table(ex, ex.msg("ce.dimension." + dimension.name()), largestFirst(groups)));
    });
  }

  /**
   * The page with {@code content}, or with the cost services' own refusal (Cost Explorer not enabled
   * for a member, data not ingested yet) in its place.
   */
  private HttpResponse render(Exchange ex, String titleKey, CallContext context, Function<String, Html> content) {
    String account = context.caller().accountId();
    if (gate.memberOf(account).isEmpty()) {
      services.costs().management().enableCostExplorer(account);
    }
    Html body;
    try {
      body = content.apply(account);
    } catch (AwsException e) {
      body = Html.of("<p class=\"alert info\" role=\"status\">%s</p>", e.getMessage());
    }
    return Responses.html(200, Layout.page(ex, ex.msg(titleKey), body));
  }

  private CostReports reports() {
    return services.costs().reports();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
  }

  private static BigDecimal total(List<Amount> amounts) {
    return sum(amounts.stream().map(Amount::usd).toList());
  }

  private static BigDecimal sum(Collection<BigDecimal> amounts) {
    return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Map<String, BigDecimal> labelled(List<Amount> amounts) {
    Map<String, BigDecimal> rows = new LinkedHashMap<>();
    amounts.forEach(a -> rows.merge(a.label(), a.usd(), BigDecimal::add));
    return rows;
  }

  /** Accounts as "name (id)", the way the bill lists members. */
  private static Map<String, BigDecimal> accounts(List<Amount> amounts) {
    Map<String, BigDecimal> rows = new LinkedHashMap<>();
    amounts.forEach(a -> rows.put(a.label().equals(a.key()) ? a.key() : a.label() + " (" + a.key() + ")", a.usd()));
    return rows;
  }

  private static Map<String, BigDecimal> largestFirst(Map<String, BigDecimal> sums) {
    Map<String, BigDecimal> sorted = new LinkedHashMap<>();
    sums.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static Html table(Exchange ex, String firstColumn, Map<String, BigDecimal> rows) {
    List<Html> body = new ArrayList<>();
    rows.forEach((name, amount) -> body.add(Html.of("<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td></tr>",
        name, Money.usd(amount))));
    if (body.isEmpty()) {
      return Html.of("<p class=\"muted\">%s</p>", ex.msg("noData"));
    }
    return Html.of("<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>"
        + "<tbody>%s</tbody></table>", firstColumn, ex.msg("col.cost"), Html.join(body));
  }

  private static Html options(Exchange ex, String selected, String... values) {
    List<Html> options = new ArrayList<>();
    for (String value : values) {
      options.add(Html.of("<option value=\"%s\"%s>%s</option>", value,
          Html.when(value.equals(selected), new Html(" selected")), ex.msg("ce.option." + value)));
    }
    return Html.join(options);
  }

  private static Dimension dimension(String value) {
    for (Dimension d : List.of(Dimension.SERVICE, Dimension.LINKED_ACCOUNT, Dimension.REGION)) {
      if (d.name().equals(value)) {
        return d;
      }
    }
    return Dimension.SERVICE;
  }

  private static Optional<LocalDate> parseDate(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<YearMonth> parseMonth(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(YearMonth.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
