package dev.billinggate.cli;

import dev.billinggate.governance.AccountSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which member accounts a command covers (a picocli mixin). */
final class SelectionOptions {
  @Option(names = {"-a", "--accounts"}, split = ",", paramLabel = "ID", description = "Only these account ids (kept whatever their state).")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--ous", split = ",", paramLabel = "OU", description = "Only accounts under these OUs (or root ids), at any depth.")
  List<String> ous = new ArrayList<>();

  @Option(names = "--tags", split = ",", paramLabel = "KEY=VALUE", description = "Only accounts with all these tags.")
  Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--exclude", split = ",", paramLabel = "ID", description = "Leave these account ids out.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--states", split = ",", paramLabel = "STATE", defaultValue = "ACTIVE",
      description = "Account states to cover: ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED (default: ${DEFAULT-VALUE}).")
  Set<String> states;

  AccountSelection selection() {
    return new AccountSelection(accounts, ous, tags, exclude, states);
  }
}
