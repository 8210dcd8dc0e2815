package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billinggate.testing.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report in a real browser: the chart sits above the table although it is written last; headers sort. */
class AuditReportBrowserTest {
  @TempDir Path dir;

  @Test
  void chartShowsAboveTheTableAndHeadersSort() throws Exception {
    Path html = dir.resolve("audit.html");
    Files.writeString(html, AuditReports.render(sampleRun(), ReportFormat.HTML), StandardCharsets.UTF_8);
    try (Chromium chromium = Chromium.startOrSkip()) {
      Page page = chromium.newPerson("en-US");
      page.navigate(html.toUri().toString());
      double chartTop = page.locator("#summary svg").boundingBox().y;
      double tableTop = page.locator("#accounts").boundingBox().y;
      assertThat(chartTop).isLessThan(tableTop);
      assertThat(page.locator("#summary").innerText()).contains("6 account(s)");

      page.locator("#accounts th", new Page.LocatorOptions().setHasText("Verdict")).click();
      assertThat(verdicts(page)).isSorted();
      page.locator("#accounts th", new Page.LocatorOptions().setHasText("Verdict")).click();
      List<String> descending = verdicts(page);
      assertThat(descending.get(0)).isEqualTo("UNKNOWN");
      page.locator("#accounts th", new Page.LocatorOptions().setHasText("Account")).first().click();
      Chromium.screenshot(page, "audit-report.png");
    }
  }

  private static List<String> verdicts(Page page) {
    return page.locator("#accounts tbody tr td:nth-child(4)").allInnerTexts();
  }

  private static AuditRun sampleRun() {
    OrgContext org = new OrgContext("o-exampleorgid", "111111111111",
        "arn:aws:iam::111111111111:user/platform-admin", List.of("RootCredentialsManagement", "RootSessions"), null);
    List<AccountAudit> accounts = new ArrayList<>();
    accounts.add(account("222222222222", "payments-prod", Verdict.READY, BillingAccess.ON, List.of()));
    accounts.add(account("333333333333", "legacy-data", Verdict.BLOCKED, BillingAccess.OFF,
        List.of("billing-access-on: OFF (vending record: IamUserAccessToBilling=DENY)")));
    accounts.add(account("444444444444", "acquired-co", Verdict.UNKNOWN, BillingAccess.UNKNOWN,
        List.of("billing-access-on: UNKNOWN: AWS has no API to read it and the tool did not vend this account")));
    accounts.add(account("555555555555", "sandbox-7", Verdict.BLOCKED, BillingAccess.ON,
        List.of("root-tasks-not-blocked-by-scp: Denied by DenyRootActions (p-examplescp) statement NoRoot")));
    accounts.add(account("666666666666", "analytics", Verdict.ERROR, BillingAccess.ON,
        List.of("audit: TooManyRequestsException: Rate exceeded (after 8 attempts)")));
    accounts.add(account("777777777777", "payments-dev", Verdict.READY, BillingAccess.ON, List.of()));
    return new AuditRun(new AuditHeader(AuditHeader.SCHEMA_VERSION, "7f0c1c2e-5b1e-4c55-9a53-1d2f6b1f0a11",
        Instant.parse("2026-11-24T09:00:00Z"), org), Instant.parse("2026-11-24T09:00:41Z"), accounts);
  }

  private static AccountAudit account(String id, String name, Verdict verdict, BillingAccess billing,
      List<String> reasons) {
    RootCredentials credentials = verdict == Verdict.ERROR ? null
        : new RootCredentials(verdict != Verdict.READY, List.of(), List.of(), List.of());
    return new AccountAudit(id, name, name + "@example.com", "ACTIVE", List.of("ou-ab12-workload", "r-ab12"), billing,
        "vending record", credentials, List.of(), verdict, reasons);
  }
}
