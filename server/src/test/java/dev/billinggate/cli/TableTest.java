package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void colourCodesTakeNoRoomWhenColumnsArePadded() {
    String table = new Table("VERDICT", "NEXT").row("\u001b[32mREADY\u001b[0m", "x").row("BLOCKED", "y").render();
    String[] lines = table.split(System.lineSeparator());
    assertThat(lines[0]).isEqualTo("VERDICT  NEXT");
    assertThat(lines[1]).isEqualTo("\u001b[32mREADY\u001b[0m    x");
    assertThat(lines[2]).isEqualTo("BLOCKED  y");
  }

  @Test
  void longCellsWrapAtSpacesSoEveryLineStaysWithinTheWidth() {
    String reasons = "billing-access-on: UNKNOWN: AWS has no API to read it and the tool did not vend this account; "
        .repeat(6) + "arn:aws:organizations::999999999999:policy/o-example/service_control_policy/p-verylongidentifier";
    String table = new Table("ACCOUNT", "NAME", "VERDICT", "REASONS")
        .row("111111111111", "A workload account with a long name", "UNKNOWN", reasons)
        .row("222222222222", "short", "\u001b[32mREADY\u001b[0m", "").render(80);
    String[] lines = table.split(System.lineSeparator());
    assertThat(lines).allSatisfy(line -> assertThat(line.replaceAll("\u001b\\[[0-9;]*m", "")).hasSizeLessThanOrEqualTo(80));
    assertThat(lines.length).isGreaterThan(8);
    assertThat(lines[0]).startsWith("ACCOUNT       NAME");
    // Wrapped, not cut: every word of the reasons is still there, in order.
    int reasonsColumn = lines[0].indexOf("REASONS");
    assertThat(String.join(" ", table.lines().skip(1)
        .map(l -> l.length() > reasonsColumn ? l.substring(reasonsColumn).strip() : "")
        .filter(s -> !s.isEmpty()).toList()).replace(" ", "")).contains(reasons.replace(" ", ""));
    assertThat(table).contains("\u001b[32mREADY\u001b[0m");
  }
}
