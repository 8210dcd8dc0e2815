package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostLine;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;

/**
 * GroupBy: up to two definitions of DIMENSION, TAG or COST_CATEGORY. Tag and cost category keys come
 * back as {@code key$value}, as AWS writes them.
 */
final class Groupings {
  private Groupings() {}

  /** The line → group keys function, or {@code null} without GroupBy. */
  static Function<CostLine, List<String>> key(List<GroupDefinition> groupBy, LineAttributes attrs, boolean resources) {
    if (groupBy.isEmpty()) {
      return null;
    }
    if (groupBy.size() > 2) {
      throw CostExplorerError.validation("You can only group by up to two different dimensions, tags or cost "
          + "categories");
    }
    Set<String> seen = new HashSet<>();
    List<Function<CostLine, String>> parts = groupBy.stream().map(g -> part(g, attrs, resources, seen)).toList();
    return line -> parts.stream().map(p -> p.apply(line)).toList();
  }

  private static Function<CostLine, String> part(GroupDefinition g, LineAttributes attrs, boolean resources,
      Set<String> seen) {
    String type = g.typeAsString();
    String key = g.key();
    if (type == null || key == null) {
      throw CostExplorerError.validation("Group Definition type and key are required");
    }
    if (!seen.add(type + "/" + key)) {
      throw CostExplorerError.validation("Duplicate group by key: " + key);
    }
    return switch (type) {
      case "DIMENSION" -> {
        if (Dimension.fromValue(key) == Dimension.UNKNOWN_TO_SDK_VERSION
            || ("RESOURCE_ID".equals(key) && !resources)) {
          throw CostExplorerError.validation("Dimension " + key + " is not allowed.");
        }
        yield line -> attrs.dimension(line, key);
      }
      case "TAG" -> line -> key + "$" + attrs.tag(line, key);
      case "COST_CATEGORY" -> line -> key + "$" + attrs.category(line, key);
      default -> throw CostExplorerError.validation("Invalid group type: " + type);
    };
  }
}
