package dev.billinggate.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Reads an account's billing switch from billing-gate's own API
 * ({@code GET /_billing-gate/v1/accounts/ID/iam-user-access-to-billing}, SigV4 for {@code billing}).
 * Only the emulator has it: AWS keeps the switch where no API reaches. An endpoint that is not
 * billing-gate gives an inconclusive answer (UNKNOWN, saying why), never a failure.
 */
public final class EmulatorBillingProbe {
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final URI endpoint;

  EmulatorBillingProbe(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint) {
    this.http = http;
    this.credentials = credentials;
    this.endpoint = endpoint;
  }

  public BillingEvidence read(String accountId) {
    String path = "/_billing-gate/v1/accounts/" + accountId + "/iam-user-access-to-billing";
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
        .uri(endpoint.resolve(path)).build();
    var signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials()).request(request)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "billing")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    try {
      HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request()).build())
          .call();
      JsonNode body = body(response);
      String state = body.path("iamUserAccessToBilling").asText("");
      if (response.httpResponse().statusCode() == 200 && !state.isEmpty()) {
        return new BillingEvidence("ACTIVATED".equals(state) ? BillingAccess.ON : BillingAccess.OFF,
            "billing-gate emulator state (" + state + ")");
      }
      String error = body.path("__type").asText("HTTP " + response.httpResponse().statusCode());
      return new BillingEvidence(BillingAccess.UNKNOWN, "emulator probe: " + error
          + (body.has("message") ? ": " + body.get("message").asText() : " (is the endpoint billing-gate?)"));
    } catch (IOException | UncheckedIOException e) {
      return new BillingEvidence(BillingAccess.UNKNOWN, "emulator probe failed: " + e.getMessage());
    }
  }

  private static JsonNode body(HttpExecuteResponse response) throws IOException {
    if (response.responseBody().isEmpty()) {
      return StateFiles.JSON.createObjectNode();
    }
    try (InputStream in = response.responseBody().get()) {
      byte[] bytes = in.readNBytes(64 * 1024);
      try {
        return StateFiles.JSON.readTree(bytes);
      } catch (IOException notJson) {
        return StateFiles.JSON.createObjectNode();
      }
    }
  }
}
