package dev.billinggate.service.iam;

import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.document.PolicyDocument;
import dev.billinggate.policy.document.PolicyParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Validates IAM policy documents through the engine and renders them as IAM responses carry them. */
public final class PolicyDocuments {
  private final PolicyEngine engine;

  public PolicyDocuments(PolicyEngine engine) {
    this.engine = engine;
  }

  /** Throws IAM's error for a document AWS would refuse as {@code kind}. */
  public void validate(String id, String json, PolicyKind kind) {
    compile(id, json, kind);
  }

  /** Compiles a document, failing with IAM's error code and the engine's AWS message. */
  public Policy compile(String id, String json, PolicyKind kind) {
    return iamErrors(() -> engine.compile(id, json, kind));
  }

  /** The parsed document (for reading its elements), failing like {@link #compile}. */
  public static PolicyDocument parse(String json) {
    return iamErrors(() -> PolicyParser.parse(json));
  }

  /** Runs {@code work}, turning the engine's refusal into IAM's error with AWS's message. */
  static <T> T iamErrors(Supplier<T> work) {
    try {
      return work.get();
    } catch (PolicyException e) {
      throw switch (e.reason()) {
        case MALFORMED -> IamError.MALFORMED_POLICY_DOCUMENT.exception(e.getMessage());
        case SIZE_LIMIT_EXCEEDED -> IamError.LIMIT_EXCEEDED.exception(e.getMessage());
      };
    }
  }

  /**
   * IAM returns policy documents URL-encoded (RFC 3986, space as {@code %20}); boto3 decodes them,
   * the SDK for Java leaves that to the caller, exactly as against AWS.
   */
  public static String urlEncode(String json) {
    return json == null ? null : URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
