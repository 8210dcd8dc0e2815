package dev.billinggate.service.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which role each AWS service links: its name, permissions policy, and whether it takes a custom
 * suffix ({@code iam/service-linked-roles.json}). Services not listed get
 * {@code AWSServiceRoleFor<First label, capitalized>} without a policy or suffix.
 */
final class ServiceLinkedRoleCatalog {
  private static final String RESOURCE = "/iam/service-linked-roles.json";
  static final String PREFIX = "AWSServiceRoleFor";

  /** @param policyArn the AWS managed policy AWS attaches, or {@code null} when unknown here */
  record LinkedRole(String servicePrincipal, String roleName, String policyArn, boolean customSuffix) {}

  private final Map<String, LinkedRole> byPrincipal;

  private ServiceLinkedRoleCatalog(Map<String, LinkedRole> byPrincipal) {
    this.byPrincipal = byPrincipal;
  }

  static ServiceLinkedRoleCatalog load() {
    try (InputStream in = ServiceLinkedRoleCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Map<String, LinkedRole> roles = new HashMap<>();
      for (JsonNode node : new ObjectMapper().readTree(in).path("services")) {
        LinkedRole role = new LinkedRole(node.path("servicePrincipal").asText(), node.path("roleName").asText(),
            node.path("policyArn").asText(), node.path("customSuffix").asBoolean());
        roles.put(role.servicePrincipal(), role);
      }
      return new ServiceLinkedRoleCatalog(Map.copyOf(roles));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The role a service principal ({@code <name>.amazonaws.com}) links, if it names a service. */
  Optional<LinkedRole> find(String servicePrincipal) {
    LinkedRole known = byPrincipal.get(servicePrincipal);
    if (known != null) {
      return Optional.of(known);
    }
    if (!servicePrincipal.matches("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com")) {
      return Optional.empty();
    }
    String first = servicePrincipal.substring(0, servicePrincipal.indexOf('.'));
    String name = PREFIX + first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1);
    return Optional.of(new LinkedRole(servicePrincipal, name, null, false));
  }
}
