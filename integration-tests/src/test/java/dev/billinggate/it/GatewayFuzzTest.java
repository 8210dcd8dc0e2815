package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp.Reply;
import dev.billinggate.testing.SignedHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated requests, validly signed so they reach the decoders: never a 500, never a hang,
 * and the server still answers afterwards. Seeded, so a failure replays.
 */
@BillingGateTest
class GatewayFuzzTest {
  private static final long SEED = 20261124L;
  private static final int ROUNDS = 1500;
  private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

  /** Valid requests to mutate: service, headers, body. */
  private record Seed(String service, Map<String, String> headers, String body) {}

  private static final List<Seed> SEEDS = List.of(
      new Seed("iam", FORM, "Action=CreateUser&Version=2010-05-08&UserName=fuzz&Path=%2Fa%2F&Tags.member.1.Key=k&Tags.member.1.Value=v"),
      new Seed("iam", FORM, "Action=PutUserPolicy&Version=2010-05-08&UserName=admin&PolicyName=p&PolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D"),
      new Seed("iam", FORM, "Action=ListUsers&Version=2010-05-08&MaxItems=5&Marker=abc"),
      new Seed("sts", FORM, "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s&DurationSeconds=900"),
      new Seed("organizations", json("AWSOrganizationsV20161128.CreatePolicy"),
          "{\"Name\":\"p\",\"Description\":\"d\",\"Type\":\"SERVICE_CONTROL_POLICY\",\"Content\":\"{}\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"),
      new Seed("organizations", json("AWSOrganizationsV20161128.ListAccounts"), "{\"MaxResults\":5,\"NextToken\":\"x\"}"),
      new Seed("ce", json("AWSInsightsIndexService.GetCostAndUsage"),
          "{\"TimePeriod\":{\"Start\":\"2026-01-01\",\"End\":\"2026-02-01\"},\"Granularity\":\"MONTHLY\",\"Metrics\":[\"UnblendedCost\"],"
              + "\"Filter\":{\"And\":[{\"Dimensions\":{\"Key\":\"SERVICE\",\"Values\":[\"Amazon S3\"]}},{\"Not\":{\"Tags\":{\"Key\":\"t\",\"Values\":[\"v\"]}}}]}}"),
      new Seed("budgets", json("AWSBudgetServiceGateway.DescribeBudgets"), "{\"AccountId\":\"123456789012\",\"MaxResults\":10}"));

  static BillingGateHandle emulator;
  static SignedHttp http;

  @BeforeAll
  static void start() {
    http = new SignedHttp(emulator.endpoint());
  }

  private static Map<String, String> json(String target) {
    return Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", target);
  }

  @Test
  void mutatedRequestsNeverGetA500AndTheServerStaysUp() {
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      Seed seed = SEEDS.get(random.nextInt(SEEDS.size()));
      String body = mutate(seed.body(), random);
      Reply reply = http.send("POST", "/", seed.headers(), body, seed.service(), ADMIN, Clock.systemUTC());
      boolean notImplemented = reply.status() == 501 && reply.body().contains("NotImplemented");
      assertThat(reply.status() < 500 || notImplemented)
          .as("round %d, %s body %s answered %d %s", round, seed.service(), body, reply.status(), reply.body())
          .isTrue();
    }
    Reply alive = http.send("POST", "/", FORM, "Action=GetCallerIdentity&Version=2011-06-15", "sts", ADMIN, Clock.systemUTC());
    assertThat(alive.status()).isEqualTo(200);
  }

  private static String mutate(String body, Random random) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(6)) {
      case 0 -> randomText(random, random.nextInt(400));
      case 1 -> flipBytes(bytes, random);
      case 2 -> body.substring(0, random.nextInt(body.length() + 1));
      case 3 -> body + body.substring(random.nextInt(body.length()));
      case 4 -> body.replaceAll("[0-9]+", String.valueOf(random.nextLong()));
      default -> swapTokens(body, random);
    };
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    String alphabet = "{}[]\":,=&%.-_aZ09 \\\u00e9\u0000\u202e";
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String flipBytes(byte[] bytes, Random random) {
    for (int i = 0, flips = 1 + random.nextInt(4); i < flips && bytes.length > 0; i++) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(128);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String swapTokens(String body, Random random) {
    String[] replacements = {"null", "true", "-1", "1e309", "\"\"", "[]", "{}", "%00", "%ZZ", "member.0"};
    String[] tokens = body.split("(?<=[=&,:{}\\[\\]])");
    tokens[random.nextInt(tokens.length)] = replacements[random.nextInt(replacements.length)];
    return String.join("", tokens);
  }
}
