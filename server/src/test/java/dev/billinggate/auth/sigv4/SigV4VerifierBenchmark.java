package dev.billinggate.auth.sigv4;

import static dev.billinggate.auth.sigv4.TestCredentials.*;

import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of verifying one request, signed beforehand by the SDK's signer. Run with:
 *
 * <pre>
 * mvn -q -o test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main SigV4VerifierBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigV4VerifierBenchmark {
  private final SigV4Verifier verifier = new SigV4Verifier(LOOKUP, CLOCK);
  private final SdkSignedRequests signer =
      SdkSignedRequests.signer(CLOCK, "us-east-1", "sts").credentials(USER_KEY, USER_SECRET);
  private final HttpRequest stsForm = signer.signToHttpRequest("POST", "/",
      Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
      "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8));
  private final HttpRequest organizationsJson = SdkSignedRequests.signer(CLOCK, "us-east-1", "organizations")
      .credentials(USER_KEY, USER_SECRET)
      .signToHttpRequest("POST", "/", Map.of(
          "Content-Type", List.of("application/x-amz-json-1.1"),
          "X-Amz-Target", List.of("AWSOrganizationsV20161128.ListAccounts")),
          "{\"MaxResults\":20}".getBytes(StandardCharsets.UTF_8));
  private final HttpRequest presigned = SdkSignedRequests.signer(CLOCK, "us-east-1", "sts")
      .credentials(USER_KEY, USER_SECRET).presigned(Duration.ofMinutes(15))
      .signToHttpRequest("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", Map.of(), new byte[0]);

  @Benchmark
  public VerifiedRequest stsFormPost() {
    return verifier.verify(stsForm, ServiceId.STS);
  }

  @Benchmark
  public VerifiedRequest organizationsJsonPost() {
    return verifier.verify(organizationsJson, ServiceId.ORGANIZATIONS);
  }

  @Benchmark
  public VerifiedRequest presignedGet() {
    return verifier.verify(presigned, ServiceId.STS);
  }
}
