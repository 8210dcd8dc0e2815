package dev.billinggate.model;

import dev.billinggate.core.ServiceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.GZIPInputStream;

/** Parses a botocore {@code service-2.json.gz} into {@link ServiceModel}, keeping only what the wire needs. */
final class ModelLoader {
  private ModelLoader() {}

  static ServiceModel load(ServiceId service) {
    String resource = "/aws-models/" + service.modelName() + "/service-2.json.gz";
    try (InputStream raw = ModelLoader.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing model resource " + resource);
      }
      Map<String, Object> root = JsonTree.read(new GZIPInputStream(raw, 1 << 16));
      Map<String, Shape> shapes = new HashMap<>();
      Map<String, ErrorInfo> errors = new HashMap<>();
      JsonTree.map(root, "shapes").forEach((name, node) -> {
        Shape shape = shape(name, asMap(node));
        shapes.put(name, shape);
        if (shape.error() != null) {
          errors.put(shape.error().code(), shape.error());
        }
      });
      Map<String, OperationModel> operations = new HashMap<>();
      JsonTree.map(root, "operations").forEach((name, node) -> operations.put(name, operation(name, asMap(node))));
      return new ServiceModel(service, operations, shapes, errors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static OperationModel operation(String name, Map<String, Object> node) {
    Map<String, Object> http = JsonTree.map(node, "http");
    Map<String, Object> output = JsonTree.map(node, "output");
    List<String> errors = new ArrayList<>();
    JsonTree.list(node, "errors").forEach(error -> errors.add(JsonTree.text(asMap(error), "shape")));
    Object responseCode = http.get("responseCode");
    return new OperationModel(
        name,
        JsonTree.text(JsonTree.map(node, "input"), "shape"),
        JsonTree.text(output, "shape"),
        JsonTree.text(output, "resultWrapper"),
        http.getOrDefault("method", "POST").toString(),
        http.getOrDefault("requestUri", "/").toString(),
        responseCode instanceof Number code ? code.intValue() : 200,
        List.copyOf(errors));
  }

  private static Shape shape(String name, Map<String, Object> node) {
    Map<String, Member> members = new LinkedHashMap<>();
    JsonTree.map(node, "members").forEach((memberName, value) -> {
      Map<String, Object> member = asMap(value);
      members.put(memberName, new Member(memberName, JsonTree.text(member, "shape"), JsonTree.text(member, "location"),
          JsonTree.text(member, "locationName")));
    });
    Set<String> required = new LinkedHashSet<>();
    JsonTree.list(node, "required").forEach(r -> required.add(r.toString()));
    List<String> enumValues = new ArrayList<>();
    JsonTree.list(node, "enum").forEach(v -> enumValues.add(v.toString()));
    String pattern = JsonTree.text(node, "pattern");
    return new Shape(
        name,
        JsonTree.text(node, "type"),
        members,
        required,
        number(node, "min"),
        number(node, "max"),
        pattern,
        compile(pattern),
        List.copyOf(enumValues),
        JsonTree.text(JsonTree.map(node, "member"), "shape"),
        JsonTree.text(JsonTree.map(node, "key"), "shape"),
        JsonTree.text(JsonTree.map(node, "value"), "shape"),
        Boolean.TRUE.equals(node.get("sensitive")),
        Boolean.TRUE.equals(node.get("exception")) ? error(name, node, members) : null,
        JsonTree.text(node, "payload"));
  }

  private static ErrorInfo error(String name, Map<String, Object> node, Map<String, Member> members) {
    Map<String, Object> error = JsonTree.map(node, "error");
    int status = error.get("httpStatusCode") instanceof Number code ? code.intValue() : 400;
    boolean senderFault = error.get("senderFault") instanceof Boolean fault ? fault : status < 500;
    String code = error.get("code") instanceof String modeled ? modeled : name;
    return new ErrorInfo(code, status, senderFault, members.containsKey("Message") ? "Message" : "message");
  }

  /** Botocore patterns are ECMAScript; the few Java cannot express are left unchecked rather than failing the model. */
  private static Pattern compile(String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object node) {
    return (Map<String, Object>) node;
  }

  private static Double number(Map<String, Object> node, String field) {
    return node.get(field) instanceof Number number ? number.doubleValue() : null;
  }
}
