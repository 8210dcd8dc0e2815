package dev.billinggate.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresTargetTest {
  @Test
  void readsUserHostPortDatabaseAndPassesParametersToTheDriver() {
    PostgresTarget target = PostgresTarget.parse("postgresql://gate@db.internal:6543/billing?sslmode=verify-full", "pw");

    assertThat(target).isEqualTo(new PostgresTarget("gate", "db.internal", 6543, "billing", "sslmode=verify-full", "pw"));
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/billing?sslmode=verify-full");
    assertThat(target.toString()).doesNotContain("pw");
  }

  @Test
  void defaultsToPort5432AndAcceptsThePostgresScheme() {
    assertThat(PostgresTarget.parse("postgres://gate@localhost/billing", null).port()).isEqualTo(5432);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "postgresql://gate:s3cret@localhost:5432/billing | must not contain a password",
      "postgresql://gate@localhost:5432/billing?password=s3cret | must not contain a password",
      "postgresql://localhost:5432/billing | names no user",
      "postgresql://gate@localhost:5432/ | names no database",
      "postgresql://gate@localhost:5432/a/b | names no database",
      "mysql://gate@localhost:3306/billing | expected postgresql://",
      "postgresql://gate@:5432/billing | names no host",
  })
  void refusesUrlsItCannotUseWithoutRepeatingAPassword(String url, String message) {
    assertThatThrownBy(() -> PostgresTarget.parse(url, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .message().doesNotContain("s3cret");
  }
}
