package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.console.session.ConsoleSession;
import dev.billinggate.console.session.Identity;
import dev.billinggate.console.session.SessionStore;
import dev.billinggate.core.MutableClock;
import dev.billinggate.store.memory.InMemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryStore data = new InMemoryStore();
  private final SessionStore store = new SessionStore(data, clock, Duration.ofHours(1), Duration.ofHours(12));
  private final Identity root = new Identity(
      new Caller(CallerType.ROOT, "123456789012", "arn:aws:iam::123456789012:root", "123456789012", null, null),
      "root", null);

  @Test
  void idsAndTokensAreLongRandomAndDistinct() {
    ConsoleSession a = store.create(root, false);
    ConsoleSession b = store.create(root, false);
    assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrfToken());
    assertThat(a.csrfMatches(a.csrfToken())).isTrue();
    assertThat(a.csrfMatches(b.csrfToken())).isFalse();
    assertThat(a.csrfMatches(null)).isFalse();
  }

  @Test
  void switchedRoleFallsBackToTheSignedInIdentityWhenItExpires() {
    ConsoleSession session = store.create(root, false);
    Identity role = new Identity(root.caller(), "role", clock.instant().plus(Duration.ofMinutes(30)));
    session.switchTo(role);
    assertThat(store.find(session.id()).orElseThrow().acting()).isEqualTo(role);
    clock.advance(Duration.ofMinutes(31));
    assertThat(store.find(session.id()).orElseThrow().switched()).isFalse();
  }

  @Test
  void expiredSessionsAreSweptWhenNewOnesAreCreated() {
    ConsoleSession old = store.create(root, false);
    clock.advance(Duration.ofHours(2));
    store.create(root, false);
    clock.reset();
    assertThat(store.find(old.id())).isEmpty();
  }

  @Test
  void sessionsLiveInTheStoreSoAnotherProcessOverItFindsThem() {
    ConsoleSession session = store.create(root, false);
    session.flash("saved");
    SessionStore afterRestart = new SessionStore(data, clock, Duration.ofHours(1), Duration.ofHours(12));

    ConsoleSession found = afterRestart.find(session.id()).orElseThrow();
    assertThat(found.signedIn()).isEqualTo(root);
    assertThat(found.csrfMatches(session.csrfToken())).isTrue();
    assertThat(found.takeFlash()).isEqualTo("saved");
    assertThat(afterRestart.find(session.id()).orElseThrow().takeFlash()).isNull();
    afterRestart.remove(session.id());
    assertThat(store.find(session.id())).isEmpty();
  }
}
