package dev.billinggate.protocol;

import dev.billinggate.model.Member;
import dev.billinggate.model.ServiceModel;
import dev.billinggate.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Checks a decoded SDK request against the botocore shape constraints (required, length, range,
 * pattern, enum) and reports violations with AWS's paths and wording.
 */
public final class InputValidator {
  private final ServiceModel model;

  public InputValidator(ServiceModel model) {
    this.model = model;
  }

  /** Violations of {@code input} against the operation's input shape, in model member order. */
  public List<Violation> violations(String operation, SdkPojo input) {
    List<Violation> out = new ArrayList<>();
    model.operation(operation).map(op -> op.input()).ifPresent(shape -> structure(model.shape(shape), input, "", out));
    return out;
  }

  private void structure(Shape shape, SdkPojo pojo, String prefix, List<Violation> out) {
    for (Member member : shape.members().values()) {
      SdkField<?> field = SdkTypes.fieldByMember(pojo, member.name());
      if (field == null && member.locationName() != null) {
        // The SDK renames a few bound members (S3's CopyObject Bucket is DestinationBucket); the wire name stays.
        field = SdkTypes.fieldByLocation(pojo, member.locationName());
      }
      Object value = field == null ? null : SdkTypes.value(field, pojo);
      String path = prefix + Character.toLowerCase(member.name().charAt(0)) + member.name().substring(1);
      if (value == null) {
        if (shape.required().contains(member.name())) {
          out.add(new Violation(Violation.Kind.REQUIRED, path, null, "Member must not be null"));
        }
      } else {
        value(model.shape(member.shape()), value, path, out);
      }
    }
  }

  private void value(Shape shape, Object value, String path, List<Violation> out) {
    if (value == null) {
      return; // a JSON null inside a list or map; only members can be required
    }
    switch (shape.type()) {
      case "structure" -> structure(shape, (SdkPojo) value, path + ".", out);
      case "list" -> {
        List<?> list = (List<?>) value;
        length(shape, list.size(), shown(shape, list), path, out);
        Shape member = model.shape(shape.member());
        if (member.type().equals("string")) {
          scalarMembers(member, list, path, out);
          return;
        }
        for (int i = 0; i < list.size(); i++) {
          value(member, list.get(i), path + "." + (i + 1) + ".member", out);
        }
      }
      case "map" -> {
        Map<?, ?> map = (Map<?, ?>) value;
        length(shape, map.size(), shown(shape, map), path, out);
        Shape key = model.shape(shape.key());
        Shape mapValue = model.shape(shape.value());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          value(key, entry.getKey(), path + "." + entry.getKey() + ".key", out);
          value(mapValue, entry.getValue(), path + "." + entry.getKey() + ".value", out);
        }
      }
      // A string shape the SDK types as BigDecimal (Budgets' NumericValue) is checked in its wire form.
      case "string" -> string(shape, value instanceof java.math.BigDecimal d ? d.toPlainString() : (String) value,
          path, out);
      case "blob" -> length(shape, ((SdkBytes) value).asByteArrayUnsafe().length, null, path, out);
      case "integer", "long", "double", "float" -> range(shape, ((Number) value).doubleValue(), value.toString(), path, out);
      default -> { } // booleans and timestamps carry no constraints
    }
  }

  /**
   * Coral reports a bad item of a list of strings on the list, quoting every constraint of the
   * item shape (AWS's recorded answer for UntagRole: {@code Value at 'tagKeys' failed to satisfy
   * constraint: Member must satisfy constraint: [Member must have length less than or equal to 128,
   * ..., Member must not be null]}).
   */
  private void scalarMembers(Shape member, List<?> list, String path, List<Violation> out) {
    for (Object item : list) {
      List<Violation> found = new ArrayList<>();
      if (item != null) {
        string(member, (String) item, path, found);
      }
      if (!found.isEmpty()) {
        out.add(new Violation(found.get(0).kind(), path, null,
            "Member must satisfy constraint: [" + String.join(", ", constraints(member)) + "]"));
        return;
      }
    }
  }

  private static List<String> constraints(Shape shape) {
    List<String> all = new ArrayList<>();
    if (!shape.enumValues().isEmpty()) {
      all.add("Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]");
    }
    if (shape.max() != null) {
      all.add("Member must have length less than or equal to " + integral(shape.max()));
    }
    if (shape.min() != null) {
      all.add("Member must have length greater than or equal to " + integral(shape.min()));
    }
    if (shape.pattern() != null) {
      all.add("Member must satisfy regular expression pattern: " + shape.pattern());
    }
    all.add("Member must not be null");
    return all;
  }

  private void string(Shape shape, String value, String path, List<Violation> out) {
    String shown = shown(shape, value);
    if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(value)) {
      out.add(new Violation(Violation.Kind.ENUM, path, shown,
          "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]"));
      return;
    }
    // Length first: a value over the max never reaches the pattern, which bounds the regex's input.
    if (length(shape, value.length(), shown, path, out) && shape.compiledPattern() != null
        && !BoundedMatch.matches(shape.compiledPattern(), value)) {
      out.add(new Violation(Violation.Kind.PATTERN, path, shown,
          "Member must satisfy regular expression pattern: " + shape.pattern()));
    }
  }

  /** Returns whether the length is within bounds; Coral words list and map sizes as lengths too. */
  private static boolean length(Shape shape, int length, String shown, String path, List<Violation> out) {
    if (shape.min() != null && length < shape.min()) {
      out.add(new Violation(Violation.Kind.MIN_LENGTH, path, shown,
          "Member must have length greater than or equal to " + integral(shape.min())));
      return false;
    }
    if (shape.max() != null && length > shape.max()) {
      out.add(new Violation(Violation.Kind.MAX_LENGTH, path, shown,
          "Member must have length less than or equal to " + integral(shape.max())));
      return false;
    }
    return true;
  }

  private static void range(Shape shape, double number, String shown, String path, List<Violation> out) {
    if (shape.min() != null && number < shape.min()) {
      out.add(new Violation(Violation.Kind.MIN_VALUE, path, shown,
          "Member must have value greater than or equal to " + integral(shape.min())));
    } else if (shape.max() != null && number > shape.max()) {
      out.add(new Violation(Violation.Kind.MAX_VALUE, path, shown,
          "Member must have value less than or equal to " + integral(shape.max())));
    }
  }

  /** Sensitive members are reported without their value, as AWS does. */
  private static String shown(Shape shape, Object value) {
    return shape.sensitive() ? null : String.valueOf(value);
  }

  private static String integral(double bound) {
    return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
  }
}
