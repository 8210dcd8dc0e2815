package dev.billinggate.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** What {@code serve --moto-compat} checks and says before it serves. */
final class MotoCompat {
  static final String BANNER = """

      WARNING: --moto-compat is on. Requests signed with access keys billing-gate does not know act as the
      bootstrap admin without any signature check, and anyone who can reach this port can POST /moto-api/reset
      unsigned. For test suites on this machine only: never for data you care about.

      """;

  private MotoCompat() {}

  /** Whether every address {@code host} names is a loopback address. */
  static boolean loopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
