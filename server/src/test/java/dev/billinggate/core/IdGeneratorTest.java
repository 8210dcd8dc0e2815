package dev.billinggate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void secureIdsUseOnlyTheAlphabetAndHaveTheLengthAsked() {
    IdGenerator ids = IdGenerator.secure();
    for (String alphabet : new String[] {IdGenerator.UPPER_ALNUM, IdGenerator.LOWER_ALNUM, IdGenerator.DIGITS,
        IdGenerator.HEX, IdGenerator.SECRET}) {
      for (int length : new int[] {0, 1, 12, 40}) {
        String id = ids.next(alphabet, length);
        assertThat(id).hasSize(length);
        assertThat(id.chars()).allMatch(c -> alphabet.indexOf(c) >= 0);
      }
    }
  }

  @Test
  void secureIdsDrawEveryCharacterEquallyOften() {
    // 36 characters, 360,000 draws: each count is 10,000 ± 98 (one standard deviation); a bias of the
    // kind a plain modulo of a byte gives (some characters 1.5x as likely) lands far outside ±1,000.
    IdGenerator ids = IdGenerator.secure();
    int[] counts = new int[IdGenerator.LOWER_ALNUM.length()];
    for (int i = 0; i < 9_000; i++) {
      ids.next(IdGenerator.LOWER_ALNUM, 40).chars().forEach(c -> counts[IdGenerator.LOWER_ALNUM.indexOf(c)]++);
    }
    assertThat(Arrays.stream(counts).boxed()).allSatisfy(count -> assertThat(count).isBetween(9_000, 11_000));
  }

  @Test
  void uuidsAreVersionFourAsAwsRequestIdsAre() {
    for (IdGenerator ids : new IdGenerator[] {IdGenerator.secure(), IdGenerator.seeded(7)}) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 1_000; i++) {
        String uuid = ids.uuid();
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        seen.add(uuid);
      }
      assertThat(seen).hasSize(1_000);
    }
  }

  @Test
  void seededIdsRepeat() {
    assertThat(IdGenerator.seeded(42).uuid()).isEqualTo(IdGenerator.seeded(42).uuid());
  }
}
