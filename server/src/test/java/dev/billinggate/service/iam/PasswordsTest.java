package dev.billinggate.service.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.IdGenerator;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final Passwords passwords = new Passwords(6);

  @Test
  void aChosenPasswordIsHashedAtTheConfiguredCost() {
    String hash = passwords.hash("Chosen-by-a-person-1");
    assertThat(hash).startsWith("$2a$06$");
    assertThat(passwords.verify("Chosen-by-a-person-1", hash)).isTrue();
    assertThat(passwords.verify("Chosen-by-a-person-2", hash)).isFalse();
  }

  @Test
  void aGeneratedPasswordIsHashedOnceAtTheMinimumCost() {
    String generated = passwords.generate(IdGenerator.seeded(7));
    assertThat(generated).matches("[A-HJ-NP-Za-km-z2-9]{16}-[2-9]{2}Aa");

    String hash = passwords.hash(generated);
    assertThat(hash).startsWith("$2a$04$");
    assertThat(passwords.verify(generated, hash)).isTrue();
    // Only the hash the bootstrap asks for right after generating: a later change hashes normally.
    assertThat(passwords.hash(generated)).startsWith("$2a$06$");
  }

  @Test
  void generatedPasswordsDiffer() {
    IdGenerator ids = IdGenerator.seeded(7);
    assertThat(passwords.generate(ids)).isNotEqualTo(passwords.generate(ids));
  }
}
