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
}
