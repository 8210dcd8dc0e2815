package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigned S3 URLs from the SDK's S3Presigner: valid for their X-Amz-Expires, not just the 15 minutes of skew. */
@BillingGateTest
class S3PresignedIntegrationTest {
  static BillingGateHandle emulator;

  @Test
  void aPresignedGetWorksUntilItExpires() throws Exception {
    emulator.s3(ADMIN).createBucket(r -> r.bucket("shared-links"));
    emulator.s3(ADMIN).putObject(r -> r.bucket("shared-links").key("report.csv"), RequestBody.fromString("a,b"));
    URI url;
    try (S3Presigner presigner = S3Presigner.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(ADMIN))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
      url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofHours(1))
          .getObjectRequest(g -> g.bucket("shared-links").key("report.csv"))).url().toURI();
    }
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> fresh = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(fresh.statusCode()).isEqualTo(200);
    assertThat(fresh.body()).isEqualTo("a,b");

    emulator.clock().advance(Duration.ofMinutes(40)); // past the 15-minute skew, within the hour
    assertThat(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    emulator.clock().advance(Duration.ofMinutes(30));
    HttpResponse<String> expired = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("<Code>AccessDenied</Code>", "<Message>Request has expired</Message>",
        "<X-Amz-Expires>3600</X-Amz-Expires>");
  }
}
