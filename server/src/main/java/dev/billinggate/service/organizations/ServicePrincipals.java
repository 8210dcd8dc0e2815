package dev.billinggate.service.organizations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/** The service principals Organizations recognizes (resource {@code organizations/service-principals.txt}). */
final class ServicePrincipals {
  private static final Set<String> RECOGNIZED = load();

  private ServicePrincipals() {}

  static boolean recognized(String principal) {
    return RECOGNIZED.contains(principal);
  }

  private static Set<String> load() {
    try (InputStream in = ServicePrincipals.class.getResourceAsStream("/organizations/service-principals.txt")) {
      if (in == null) {
        throw new IllegalStateException("organizations/service-principals.txt is missing");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
