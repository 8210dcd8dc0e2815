package dev.billinggate.console;

import java.time.Duration;

/**
 * The console's tunables.
 *
 * @param idleTimeout a session ends after this long without a request
 * @param maximumSession a session ends this long after sign-in, whatever the activity
 * @param iamPrincipalsMayDeactivate whether an IAM principal allowed {@code billing:UpdateIAMAccessPreference}
 *     may turn the switch off (activating it is root-only regardless); AWS does not document it, so it is a setting
 * @param signInFailureLimit failed sign-ins from one address within {@code signInFailureWindow} before it must wait
 */
public record ConsoleSettings(Duration idleTimeout, Duration maximumSession, boolean iamPrincipalsMayDeactivate,
    int signInFailureLimit, Duration signInFailureWindow) {

  public static ConsoleSettings defaults() {
    return new ConsoleSettings(Duration.ofHours(1), Duration.ofHours(12), true, 10, Duration.ofMinutes(15));
  }
}
