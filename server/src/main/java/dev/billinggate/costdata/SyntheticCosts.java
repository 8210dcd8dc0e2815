package dev.billinggate.costdata;

import dev.billinggate.costdata.ServiceCatalog.Scope;
import dev.billinggate.costdata.ServiceCatalog.Service;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic cost data: every amount is a pure function of the account id, the line and
 * the calendar day, so any window of days generates the same numbers and two runs agree.
 *
 * <p>The shape: a per-account spend level (tens to thousands of USD a day) split over 20–33 services
 * and 1–3 regions, each line growing or shrinking at its own yearly rate, dipping on weekends where
 * the workload is interactive, with ±8% daily noise; some services start later than others. Monthly
 * charges land on the first of the month (Business support, tax on the previous month's usage). Some
 * accounts have a credit programme offsetting part of their biggest lines for a few months, and
 * occasional refunds on the 15th.
 */
public final class SyntheticCosts {
  /** 2025-01-01: growth rates are anchored here, so a line's level on that day is its base. */
  private static final int ANCHOR_DAY = (int) LocalDate.of(2025, 1, 1).toEpochDay();
  /** Services and credit programmes start somewhere in the three years before the anchor. */
  private static final int HISTORY_START = ANCHOR_DAY - 3 * 365;
  private static final List<String> ENVIRONMENTS = List.of("prod", "staging", "dev");
  private static final List<String> TEAMS = List.of("platform", "data", "web", "ml");

  private SyntheticCosts() {}

  /** A line and the parameters of its daily amount. */
  private record Spec(CostLine line, int index, double base, double growth, double weekend, int startDay,
      double unitPrice, Kind kind, int from, int to, Spec source, double share) {}

  private enum Kind { USAGE, CREDIT, REFUND, TAX, SUPPORT }

  /** The account's costs for epoch days {@code [firstDay, firstDay + days)}. */
  public static AccountCosts generate(String accountId, int firstDay, int days) {
    long seed = seed(accountId);
    List<Spec> specs = plan(accountId, seed);
    List<CostLine> lines = new ArrayList<>(specs.size());
    float[] cost = new float[specs.size() * days];
    float[] usage = new float[cost.length];
    for (Spec spec : specs) {
      lines.add(spec.line());
      int offset = spec.index() * days;
      for (int d = 0; d < days; d++) {
        double amount = amount(spec, specs, seed, firstDay + d);
        cost[offset + d] = (float) amount;
        usage[offset + d] = spec.kind() == Kind.USAGE ? (float) (amount / spec.unitPrice()) : 0f;
      }
    }
    return new AccountCosts(accountId, lines, firstDay, days, cost, usage);
  }

  private static List<Spec> plan(String accountId, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double scale = 15 * Math.exp(rng.nextDouble() * 5.5);
    List<String> regions = regions(rng);
    List<Service> used = new ArrayList<>();
    for (Service s : ServiceCatalog.SERVICES) {
      if (s.core() || rng.nextDouble() < 0.7) {
        used.add(s);
      }
    }
    double totalWeight = used.stream().mapToDouble(Service::weight).sum();
    List<Spec> specs = new ArrayList<>();
    for (Service s : used) {
      List<String> where = s.scope() == Scope.GLOBAL ? List.of("global") : regions;
      int startDay = s.core() ? HISTORY_START : HISTORY_START + rng.nextInt(3 * 365 + 200);
      for (int r = 0; r < where.size(); r++) {
        double regionShare = where.size() == 1 ? 1 : r == 0 ? 0.7 : 0.3 / (where.size() - 1);
        Map<String, String> tags = rng.nextDouble() < 0.2 ? Map.of()
            : Map.of("Environment", pick(rng, ENVIRONMENTS), "Team", pick(rng, TEAMS));
        CostLine line = new CostLine(accountId, s.name(), s.code(), where.get(r), ServiceCatalog.usageType(s, where.get(r)),
            s.operation(), RecordTypes.USAGE, s.unit(), s.normalizationFactor(), tags);
        specs.add(new Spec(line, specs.size(), scale * s.weight() / totalWeight * regionShare,
            -0.1 + rng.nextDouble() * 0.7, s.weekendFactor(), startDay, s.unitPrice(), Kind.USAGE, 0, 0, null, 0));
      }
    }
    List<Spec> usageSpecs = List.copyOf(specs);
    if (rng.nextDouble() < 0.35) {
      // A credit programme (e.g. Activate credits) covering part of the two biggest lines for a while.
      int from = HISTORY_START + rng.nextInt(3 * 365 + 300);
      int to = from + 120 + rng.nextInt(280);
      double share = 0.3 + rng.nextDouble() * 0.7;
      usageSpecs.stream().sorted((a, b) -> Double.compare(b.base(), a.base())).limit(2)
          .forEach(u -> specs.add(derived(specs, u, RecordTypes.CREDIT, Kind.CREDIT, from, to, share)));
    }
    if (rng.nextDouble() < 0.5) {
      specs.add(derived(specs, usageSpecs.get(rng.nextInt(usageSpecs.size())), RecordTypes.REFUND, Kind.REFUND, 0, 0,
          2 + rng.nextDouble() * 3));
    }
    if (rng.nextDouble() < 0.4) {
      specs.add(monthly(specs, accountId, ServiceCatalog.SUPPORT, RecordTypes.USAGE, Kind.SUPPORT, 0.1));
    }
    if (rng.nextDouble() < 0.6) {
      specs.add(monthly(specs, accountId, ServiceCatalog.TAX, RecordTypes.TAX, Kind.TAX, 0.05 + rng.nextDouble() * 0.15));
    }
    return List.copyOf(specs);
  }

  private static Spec derived(List<Spec> specs, Spec source, String recordType, Kind kind, int from, int to,
      double share) {
    CostLine u = source.line();
    CostLine line = new CostLine(u.accountId(), u.service(), u.serviceCode(), u.region(), u.usageType(), u.operation(),
        recordType, u.unit(), 1, Map.of());
    return new Spec(line, specs.size(), 0, 0, 1, 0, 1, kind, from, to, source, share);
  }

  private static Spec monthly(List<Spec> specs, String accountId, Service s, String recordType, Kind kind, double rate) {
    CostLine line = new CostLine(accountId, s.name(), s.code(), "NoRegion", s.usageType(), s.operation(), recordType,
        s.unit(), 1, Map.of());
    return new Spec(line, specs.size(), 0, 0, 1, 0, 1, kind, 0, 0, null, rate);
  }

  private static double amount(Spec spec, List<Spec> specs, long seed, int day) {
    return switch (spec.kind()) {
      case USAGE -> usage(spec, seed, day);
      case CREDIT -> day >= spec.from() && day < spec.to() ? -spec.share() * usage(spec.source(), seed, day) : 0;
      // A refund on the 15th of roughly one month in six.
      case REFUND -> LocalDate.ofEpochDay(day).getDayOfMonth() == 15
          && unit(seed, spec.index(), day) < 0.17 ? -spec.share() * usage(spec.source(), seed, day) : 0;
      case SUPPORT -> firstOfMonth(day) ? Math.max(100, spec.share() * previousMonthUsage(specs, seed, day)) : 0;
      case TAX -> firstOfMonth(day) ? spec.share() * previousMonthUsage(specs, seed, day) : 0;
    };
  }

  private static double usage(Spec spec, long seed, int day) {
    if (day < spec.startDay()) {
      return 0;
    }
    double level = spec.base() * Math.exp(spec.growth() * (day - ANCHOR_DAY) / 365.0);
    // Epoch day 0 (1970-01-01) was a Thursday: Monday = 0 … Sunday = 6 without building a LocalDate.
    double weekly = Math.floorMod(day + 3, 7) >= 5 ? spec.weekend() : 1;
    double noise = 1 + 0.16 * (unit(seed, spec.index(), day) - 0.5);
    return level * weekly * noise;
  }

  private static double previousMonthUsage(List<Spec> specs, long seed, int firstOfMonth) {
    LocalDate first = LocalDate.ofEpochDay(firstOfMonth);
    int from = (int) first.minusMonths(1).toEpochDay();
    double sum = 0;
    for (Spec s : specs) {
      if (s.kind() == Kind.USAGE) {
        for (int d = from; d < firstOfMonth; d++) {
          sum += usage(s, seed, d);
        }
      }
    }
    return sum;
  }

  private static boolean firstOfMonth(int day) {
    return LocalDate.ofEpochDay(day).getDayOfMonth() == 1;
  }

  private static List<String> regions(SplittableRandom rng) {
    List<String> all = new ArrayList<>(ServiceCatalog.REGIONS);
    List<String> chosen = new ArrayList<>();
    int count = 1 + rng.nextInt(3);
    for (int i = 0; i < count; i++) {
      chosen.add(all.remove(rng.nextInt(all.size())));
    }
    return chosen;
  }

  private static String pick(SplittableRandom rng, List<String> values) {
    return values.get(rng.nextInt(values.size()));
  }

  private static long seed(String accountId) {
    long h = 1125899906842597L;
    for (int i = 0; i < accountId.length(); i++) {
      h = 31 * h + accountId.charAt(i);
    }
    return mix(h);
  }

  /** A uniform value in [0, 1) for (seed, line, day): stateless, so any day can be computed alone. */
  private static double unit(long seed, int line, int day) {
    return (mix(seed ^ mix(((long) line << 32) | (day & 0xffffffffL))) >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
