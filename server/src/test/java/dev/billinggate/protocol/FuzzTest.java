package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated requests: decoding and validation either succeed or throw {@link AwsException}. */
class FuzzTest {
  private static final int ROUNDS = 3_000;

  private static final List<String> QUERY_SEEDS = List.of(
      "Action=CreateUser&Version=2010-05-08&UserName=alice&Path=/a/&Tags.member.1.Key=k&Tags.member.1.Value=v",
      "Action=ListUsers&MaxItems=10&Marker=abc",
      "Action=SimulateCustomPolicy&PolicyInputList.member.1=%7B%7D&ActionNames.member.1=iam%3AGetUser&ContextEntries.member.1.ContextKeyValues.member.1=x",
      "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=s&DurationSeconds=900");
  private static final List<String> JSON_SEEDS = List.of(
      "{\"TimePeriod\":{\"Start\":\"2024-01-01\",\"End\":\"2024-02-01\"},\"Granularity\":\"DAILY\",\"Metrics\":[\"BlendedCost\"],"
          + "\"Filter\":{\"And\":[{\"Dimensions\":{\"Key\":\"SERVICE\",\"Values\":[\"a\"]}},{\"Not\":{\"Tags\":{\"Key\":\"k\"}}}]},"
          + "\"GroupBy\":[{\"Type\":\"TAG\",\"Key\":\"team\"}]}");

  @Test
  void queryBodies() {
    fuzz(ProtocolCodecs.forService(ServiceId.IAM), QUERY_SEEDS, WireRequests::form);
    fuzz(ProtocolCodecs.forService(ServiceId.STS), QUERY_SEEDS, WireRequests::form);
  }

  @Test
  void jsonBodies() {
    fuzz(ProtocolCodecs.forService(ServiceId.COST_EXPLORER), JSON_SEEDS,
        body -> WireRequests.json("AWSInsightsIndexService.GetCostAndUsage", body));
  }

  @Test
  void restBodies() {
    fuzz(ProtocolCodecs.forService(ServiceId.ACCOUNT),
        List.of("{\"ContactInformation\":{\"FullName\":\"J\",\"AddressLine1\":\"1\",\"City\":\"c\",\"PostalCode\":\"1\","
            + "\"CountryCode\":\"US\",\"PhoneNumber\":\"+1\"},\"AccountId\":\"111122223333\"}"),
        body -> WireRequests.rest("POST", "/putContactInformation", body));
  }

  private static void fuzz(ProtocolCodec codec, List<String> seeds, java.util.function.Function<String, HttpRequest> request) {
    Random random = new Random(42);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      bodies.add(i % 4 == 0 ? randomText(random) : mutate(random, seeds.get(random.nextInt(seeds.size()))));
    }
    for (String body : bodies) {
      try {
        DecodedRequest decoded = codec.decode(request.apply(body));
        codec.validate(decoded);
      } catch (AwsException e) {
        HttpResponse response = codec.encodeError(e, "req");
        assertThat(response.status()).as(body).isBetween(400, 599);
      } catch (RuntimeException e) {
        throw new AssertionError("unexpected " + e + " for body " + body, e);
      }
    }
  }

  private static String randomText(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static final String ALPHABET = "{}[]\":,.=&%0123456789aZ-\\ \u0000\u00e9member.entry.1true null";

  private static String mutate(Random random, String seed) {
    StringBuilder text = new StringBuilder(seed);
    int edits = 1 + random.nextInt(6);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(4)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(20))));
      }
    }
    return text.toString();
  }
}
