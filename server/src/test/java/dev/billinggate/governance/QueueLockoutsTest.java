package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@link QueueLockouts} against the cases in {@code governance-guardrails/queue-lockouts.json}. */
class QueueLockoutsTest {
  private static final String QUEUE = "arn:aws:sqs:us-east-1:111122223333:payments";

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : GuardrailFixtures.read("queue-lockouts.json").get("cases")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () ->
          assertThat(QueueLockouts.locksOut(c.get("policy").toString(), QUEUE, "111122223333"))
              .isEqualTo(c.get("locked").asBoolean())));
    }
    return tests.stream();
  }
}
