package dev.billinggate.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostgresSchemaTest {
  private static List<String> migrations(String folder) throws IOException, URISyntaxException {
    Path dir = Path.of(PostgresSchemaTest.class.getClassLoader().getResource(folder).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")).sorted().toList();
    }
  }

  @Test
  void latestMigrationConstantNamesTheNewestFileAndEverySqliteMigrationHasItsTwin() throws Exception {
    List<String> postgres = migrations("db/postgresql");
    List<String> sqlite = migrations("db/migration");

    assertThat(postgres).anyMatch(name -> name.startsWith("V" + PostgresSchema.LATEST_MIGRATION + "__"))
        .noneMatch(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))) > PostgresSchema.LATEST_MIGRATION);
    // The same history where the SQL allows: each SQLite migration under the same name.
    assertThat(postgres).containsAll(sqlite);
  }
}
