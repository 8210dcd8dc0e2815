package dev.billinggate.costdata;

import java.io.BufferedReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Imports cost data from a CSV export: AWS Cost and Usage Report 2.0 (Data Exports) columns or FOCUS
 * 1.0 columns, detected from the header. Rows are summed per account, day and line attributes into
 * {@link AccountCosts}; the accounts a file covers replace their synthetic (or earlier imported) data.
 *
 * <p>CUR 2.0: {@code line_item_usage_account_id}, {@code line_item_usage_start_date},
 * {@code line_item_unblended_cost}, optional {@code product_product_name} (else
 * {@code product_servicecode}), {@code product_servicecode}, {@code product_region_code} (or
 * {@code product_region}), {@code line_item_line_item_type}, {@code line_item_usage_type},
 * {@code line_item_operation}, {@code line_item_usage_amount}, {@code pricing_unit}.
 * FOCUS: {@code SubAccountId}, {@code ChargePeriodStart}, {@code BilledCost}, {@code ServiceName},
 * {@code RegionId}, {@code ChargeCategory}, optional {@code ConsumedQuantity}, {@code ConsumedUnit},
 * {@code x_UsageType}, {@code x_Operation}, {@code x_ServiceCode}.
 */
public final class CostImport {
  private CostImport() {}

  /** How many rows and which accounts an import read. */
  public record Summary(int rows, List<String> accounts) {}

  private record Column(String cur, String focus) {}

  private static final Column ACCOUNT = new Column("line_item_usage_account_id", "SubAccountId");
  private static final Column START = new Column("line_item_usage_start_date", "ChargePeriodStart");
  private static final Column COST = new Column("line_item_unblended_cost", "BilledCost");
  private static final Column SERVICE = new Column("product_product_name", "ServiceName");
  private static final Column SERVICE_CODE = new Column("product_servicecode", "x_ServiceCode");
  private static final Column REGION = new Column("product_region_code", "RegionId");
  private static final Column TYPE = new Column("line_item_line_item_type", "ChargeCategory");
  private static final Column USAGE_TYPE = new Column("line_item_usage_type", "x_UsageType");
  private static final Column OPERATION = new Column("line_item_operation", "x_Operation");
  private static final Column QUANTITY = new Column("line_item_usage_amount", "ConsumedQuantity");
  private static final Column UNIT = new Column("pricing_unit", "ConsumedUnit");

  /** FOCUS ChargeCategory → Cost Explorer RECORD_TYPE. */
  private static final Map<String, String> FOCUS_TYPES = Map.of("Usage", RecordTypes.USAGE, "Tax", RecordTypes.TAX,
      "Credit", RecordTypes.CREDIT, "Adjustment", RecordTypes.REFUND, "Purchase", "Fee");

  /** Parses {@code in} and replaces the data of the accounts it covers in {@code data}. */
  public static Summary importCsv(BufferedReader in, CostData data) {
    Map<String, Map<CostLine, TreeMap<Integer, double[]>>> byAccount = new LinkedHashMap<>();
    int[] rows = {0};
    boolean[] focus = {false};
    CsvRows.read(in, row -> {
      if (rows[0] == 0) {
        focus[0] = !row.containsKey(ACCOUNT.cur()) && row.containsKey(ACCOUNT.focus());
        if (!row.containsKey(focus[0] ? ACCOUNT.focus() : ACCOUNT.cur())) {
          throw new IllegalArgumentException("not a CUR 2.0 or FOCUS export: no " + ACCOUNT.cur() + " or "
              + ACCOUNT.focus() + " column");
        }
      }
      rows[0]++;
      add(byAccount, row, focus[0], rows[0]);
    });
    List<AccountCosts> accounts = new ArrayList<>();
    byAccount.forEach((account, lines) -> accounts.add(costs(account, lines)));
    data.replace(accounts);
    return new Summary(rows[0], List.copyOf(byAccount.keySet()));
  }

  private static void add(Map<String, Map<CostLine, TreeMap<Integer, double[]>>> byAccount, Map<String, String> row,
      boolean focus, int number) {
    String account = required(row, ACCOUNT, focus, number);
    int day = day(required(row, START, focus, number), number);
    double cost = number(required(row, COST, focus, number), number);
    String code = get(row, SERVICE_CODE, focus, "");
    String service = get(row, SERVICE, focus, code);
    String region = get(row, REGION, focus, focus ? "" : row.getOrDefault("product_region", ""));
    String type = get(row, TYPE, focus, RecordTypes.USAGE);
    String recordType = focus ? FOCUS_TYPES.getOrDefault(type, type) : type;
    CostLine line = new CostLine(account, service, code, region.isEmpty() ? "NoRegion" : region,
        get(row, USAGE_TYPE, focus, ""), get(row, OPERATION, focus, ""), recordType, get(row, UNIT, focus, "N/A"), 1,
        Map.of());
    double quantity = number(get(row, QUANTITY, focus, "0"), number);
    double[] sums = byAccount.computeIfAbsent(account, a -> new HashMap<>())
        .computeIfAbsent(line, l -> new TreeMap<>()).computeIfAbsent(day, d -> new double[2]);
    sums[0] += cost;
    sums[1] += recordType.equals(RecordTypes.USAGE) ? quantity : 0;
  }

  private static AccountCosts costs(String account, Map<CostLine, TreeMap<Integer, double[]>> lines) {
    int first = lines.values().stream().mapToInt(TreeMap::firstKey).min().orElseThrow();
    int end = lines.values().stream().mapToInt(TreeMap::lastKey).max().orElseThrow() + 1;
    int days = end - first;
    List<CostLine> order = new ArrayList<>(lines.keySet());
    float[] cost = new float[order.size() * days];
    float[] usage = new float[cost.length];
    for (int l = 0; l < order.size(); l++) {
      int base = l * days - first;
      for (Map.Entry<Integer, double[]> e : lines.get(order.get(l)).entrySet()) {
        cost[base + e.getKey()] = (float) e.getValue()[0];
        usage[base + e.getKey()] = (float) e.getValue()[1];
      }
    }
    return new AccountCosts(account, order, first, days, cost, usage);
  }

  private static String required(Map<String, String> row, Column c, boolean focus, int number) {
    String v = row.get(focus ? c.focus() : c.cur());
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("row " + number + ": " + (focus ? c.focus() : c.cur()) + " is empty");
    }
    return v.trim();
  }

  private static String get(Map<String, String> row, Column c, boolean focus, String fallback) {
    String v = row.get(focus ? c.focus() : c.cur());
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private static int day(String timestamp, int number) {
    try {
      return (int) LocalDate.parse(timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp).toEpochDay();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("row " + number + ": not a date: " + timestamp);
    }
  }

  private static double number(String value, int number) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("row " + number + ": not a number: " + value);
    }
  }
}
