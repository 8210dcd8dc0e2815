package dev.billinggate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.gateway.http.NettyHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadGeneratorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "http://localhost:4566", "http://10.0.0.1:4566", "https://127.0.0.1:4566", "http://127.0.0.1"})
  void refusesTargetsOtherThanLoopbackHttp(String url) {
    assertThatThrownBy(() -> BenchTarget.of(url, "us-east-1", "k", "s"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void drivesTheSigV4BenchServerWithoutErrors() throws InterruptedException {
    NettyHttpServer server = BenchServer.start("sigv4", 0);
    try {
      BenchTarget target = BenchTarget.of("http://127.0.0.1:" + server.port(), "us-east-1",
          BenchServer.ACCESS_KEY_ID, BenchServer.SECRET_ACCESS_KEY);

      LoadGenerator.Result result = LoadGenerator.run(target, BenchOperation.IAM_LIST_USERS, 2, 0, 1);

      assertThat(result.requests()).isPositive();
      assertThat(result.errorStatuses()).isEmpty();
      assertThat(result.ioErrors()).isZero();
    } finally {
      server.close();
    }
  }

  @Test
  void countsRejectedSignaturesAsErrors() throws InterruptedException {
    NettyHttpServer server = BenchServer.start("sigv4", 0);
    try {
      BenchTarget target = BenchTarget.of("http://127.0.0.1:" + server.port(), "us-east-1",
          BenchServer.ACCESS_KEY_ID, "not-the-secret");

      LoadGenerator.Result result = LoadGenerator.run(target, BenchOperation.STS_GET_CALLER_IDENTITY, 1, 0, 1);

      assertThat(result.errorStatuses()).containsOnlyKeys(403);
    } finally {
      server.close();
    }
  }
}
