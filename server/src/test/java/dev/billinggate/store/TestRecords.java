package dev.billinggate.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Record shapes like the services' own: nested records, collections, instants. */
public final class TestRecords {
  private TestRecords() {}

  public record Address(String city, List<String> lines) {}

  public record User(
      String name, Instant created, List<String> groups, Map<String, String> tags, Address home) {
    public static User named(String name) {
      return new User(
          name,
          Instant.parse("2026-11-24T04:45:00.123456789Z"),
          List.of("admins", "billing"),
          Map.of("team", "finance"),
          new Address("Zurich", List.of("Bahnhofstrasse 1")));
    }
  }

  public record Counter(long value) {}

  public static final Table<User> USERS = Table.of("test.users", User.class);
  public static final Table<Counter> COUNTERS = Table.of("test.counters", Counter.class);
}
