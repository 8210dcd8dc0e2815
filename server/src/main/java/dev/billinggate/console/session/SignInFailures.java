package dev.billinggate.console.session;

import java.time.Instant;
import java.util.List;

/** The failed sign-ins from one client address still inside the throttle's window, oldest first. */
record SignInFailures(List<Instant> at) {
  SignInFailures {
    at = at == null ? List.of() : List.copyOf(at);
  }

  SignInFailures since(Instant oldest) {
    return new SignInFailures(at.stream().filter(t -> !t.isBefore(oldest)).toList());
  }
}
