package dev.billinggate.protocol.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the HTTP layer answers for a body cut short, per protocol: S3's errors, elsewhere a plain close. */
class CutShortBodyAnswersTest {

  @Test
  void s3AnswersAHalfClosedBodyIncompleteBodyAndAStalledOneRequestTimeout() {
    ProtocolCodec s3 = ProtocolCodecs.forService(ServiceId.S3);
    HttpResponse ended = s3.encodeError(s3.bodyEnded().orElseThrow(), "req-1");
    assertThat(ended.status()).isEqualTo(400);
    assertThat(new String(ended.body(), StandardCharsets.UTF_8)).contains("<Error><Code>IncompleteBody</Code><Message>"
        + "You did not provide the number of bytes specified by the Content-Length HTTP header.</Message>");
    HttpResponse stalled = s3.encodeError(s3.bodyStalled().orElseThrow(), "req-2");
    assertThat(stalled.status()).isEqualTo(400);
    assertThat(new String(stalled.body(), StandardCharsets.UTF_8)).contains("<Error><Code>RequestTimeout</Code><Message>"
        + "Your socket connection to the server was not read from or written to within the timeout period. Idle "
        + "connections will be closed.</Message>");
  }

  @Test
  void servicesWhoseAnswerIsUnknownJustClose() {
    for (ServiceId service : new ServiceId[] {ServiceId.IAM, ServiceId.ORGANIZATIONS, ServiceId.ACCOUNT}) {
      ProtocolCodec codec = ProtocolCodecs.forService(service);
      assertThat(codec.bodyEnded()).as(service.name()).isEmpty();
      assertThat(codec.bodyStalled()).as(service.name()).isEmpty();
    }
  }
}
