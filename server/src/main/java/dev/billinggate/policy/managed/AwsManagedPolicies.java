package dev.billinggate.policy.managed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The AWS managed policies billing-gate ships as data ({@code /aws-managed-policies/policies.json},
 * written by {@code scripts/refresh-managed-policies.sh}). Read once, immutable afterwards.
 */
public final class AwsManagedPolicies {
  private static final String RESOURCE = "/aws-managed-policies/policies.json";
  private static AwsManagedPolicies shipped;

  private final CompletableFuture<Map<String, ManagedPolicy>> byArn;

  private AwsManagedPolicies(CompletableFuture<Map<String, ManagedPolicy>> byArn) {
    this.byArn = byArn;
  }

  public static AwsManagedPolicies load() {
    return new AwsManagedPolicies(CompletableFuture.completedFuture(read()));
  }

  /**
   * The shipped catalog, shared by every server in this process. The first call starts reading it on
   * a daemon thread and returns at once; lookups wait for the reading to finish. A server calls this
   * early in its start-up so that the reading overlaps the rest of it.
   */
  public static synchronized AwsManagedPolicies shipped() {
    if (shipped == null) {
      shipped = loadInBackground();
    }
    return shipped;
  }

  private static AwsManagedPolicies loadInBackground() {
    CompletableFuture<Map<String, ManagedPolicy>> byArn = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        byArn.complete(read());
      } catch (RuntimeException e) {
        byArn.completeExceptionally(e);
      }
    }, "managed-policies");
    reader.setDaemon(true);
    reader.start();
    return new AwsManagedPolicies(byArn);
  }

  private static Map<String, ManagedPolicy> read() {
    try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, ManagedPolicy> parse(InputStream in) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Map<String, ManagedPolicy> byArn = new LinkedHashMap<>();
    for (JsonNode node : mapper.readTree(in).path("policies")) {
      ManagedPolicy policy = new ManagedPolicy(
          node.path("arn").asText(),
          node.path("name").asText(),
          node.path("path").asText(),
          node.path("policyId").asText(),
          node.path("versionId").asText(),
          node.path("description").asText(""),
          Instant.parse(node.path("createDate").asText()),
          Instant.parse(node.path("updateDate").asText()),
          mapper.writeValueAsString(node.path("document")));
      byArn.put(policy.arn(), policy);
    }
    return Collections.unmodifiableMap(byArn);
  }

  /** The policy named by {@code arn} in any partition (the catalog is keyed by its {@code aws} ARNs). */
  public Optional<ManagedPolicy> find(String arn) {
    int partitionEnd = arn.startsWith("arn:") ? arn.indexOf(':', 4) : -1;
    return Optional.ofNullable(byArn().get(partitionEnd < 0 ? arn : "arn:aws" + arn.substring(partitionEnd)));
  }

  /** All shipped policies in file order. */
  public List<ManagedPolicy> all() {
    return new ArrayList<>(byArn().values());
  }

  private Map<String, ManagedPolicy> byArn() {
    try {
      return byArn.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : e;
    }
  }
}
