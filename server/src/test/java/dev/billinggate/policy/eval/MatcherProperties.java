package dev.billinggate.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.policy.document.ScalarValues;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The compiled matchers agree with obviously-correct (slow) reference implementations. */
class MatcherProperties {

  /** Reference glob: a regex with {@code *} → {@code .*} and {@code ?} → {@code .}. */
  static boolean referenceGlob(String pattern, String text) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      re.append(switch (c) {
        case '*' -> ".*";
        case '?' -> ".";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(text).matches();
  }

  /** Reference ARN match: six parts, each a glob of its own; non-ARNs compared whole. */
  static boolean referenceArn(String pattern, String arn) {
    if (pattern.equals("*")) {
      return true;
    }
    String[] p = pattern.split(":", -1);
    String[] a = arn.split(":", -1);
    if (p.length < 6 || a.length < 6) {
      return p.length < 6 && a.length < 6 && referenceGlob(pattern, arn);
    }
    p = pattern.split(":", 6);
    a = arn.split(":", 6);
    for (int i = 1; i < 6; i++) {
      if (!referenceGlob(p[i], a[i])) {
        return false;
      }
    }
    return true;
  }

  @Provide
  Arbitrary<String> globPatterns() {
    return Arbitraries.strings().withChars("ab*?").ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab").ofMaxLength(10);
  }

  @Property(tries = 3000)
  void globAgreesWithRegex(@ForAll("globPatterns") String pattern, @ForAll("texts") String text) {
    assertThat(Glob.compile(pattern).matches(text)).as("%s ~ %s", pattern, text).isEqualTo(referenceGlob(pattern, text));
  }

  @Property(tries = 1000)
  void globMatchesSubrange(@ForAll("globPatterns") String pattern, @ForAll("texts") String text, @ForAll("texts") String pad) {
    String padded = pad + text + pad;
    assertThat(Glob.compile(pattern).matches(padded, pad.length(), pad.length() + text.length()))
        .isEqualTo(referenceGlob(pattern, text));
  }

  @Provide
  Arbitrary<String> arnPatterns() {
    Arbitrary<String> seg = Arbitraries.strings().withChars("ab*?").ofMaxLength(3);
    Arbitrary<String> res = Arbitraries.strings().withChars("ab*?/:").ofMaxLength(6);
    return Arbitraries.oneOf(
        Arbitraries.of("*"),
        net.jqwik.api.Combinators.combine(seg, seg, seg, seg, res).as((p, s, r, a, x) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + x),
        Arbitraries.strings().withChars("ab*:").ofMaxLength(8));
  }

  @Provide
  Arbitrary<String> arns() {
    Arbitrary<String> seg = Arbitraries.strings().withChars("ab").ofMaxLength(3);
    Arbitrary<String> res = Arbitraries.strings().withChars("ab/:").ofMaxLength(6);
    return Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(seg, seg, seg, seg, res).as((p, s, r, a, x) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + x),
        Arbitraries.strings().withChars("ab:").ofMaxLength(8));
  }

  @Property(tries = 3000)
  void arnPatternAgreesWithReference(@ForAll("arnPatterns") String pattern, @ForAll("arns") String arn) {
    assertThat(ArnPattern.compile(pattern).matches(arn)).as("%s ~ %s", pattern, arn).isEqualTo(referenceArn(pattern, arn));
  }

  @Property(tries = 1000)
  void ipv4CidrAgreesWithBitMath(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long net, @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long ip,
      @ForAll @IntRange(min = 0, max = 32) int prefix) {
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    boolean expected = (net & mask) == (ip & mask);
    assertThat(IpCidr.parse(dotted(net) + "/" + prefix).contains(dotted(ip))).isEqualTo(expected);
  }

  @Property(tries = 500)
  void ipv6CidrAgreesWithInetAddress(@ForAll("ipv6") String net, @ForAll("ipv6") String ip, @ForAll @IntRange(min = 0, max = 128) int prefix)
      throws UnknownHostException {
    BigInteger n = new BigInteger(1, InetAddress.getByName(net).getAddress());
    BigInteger a = new BigInteger(1, InetAddress.getByName(ip).getAddress());
    boolean expected = n.shiftRight(128 - prefix).equals(a.shiftRight(128 - prefix));
    assertThat(IpCidr.parse(net + "/" + prefix).contains(ip)).as("%s/%d ∋ %s", net, prefix, ip).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> ipv6() {
    // Nearby addresses so that long prefixes sometimes match; both full and '::' forms.
    Arbitrary<Integer> group = Arbitraries.integers().between(0, 3);
    return group.list().ofSize(8).map(gs -> {
      StringBuilder sb = new StringBuilder("2001:db8");
      for (int i = 2; i < 8; i++) {
        sb.append(':').append(Integer.toHexString(gs.get(i) == 3 ? 0xffff : gs.get(i)));
      }
      return gs.get(0) == 0 ? sb.toString().replaceFirst("(:0)+$", "::") : sb.toString();
    });
  }

  @Property(tries = 1000)
  void isoDatesAgreeWithJavaTime(@ForAll @LongRange(min = -2_000_000_000_000L, max = 4_000_000_000_000L) long millis,
      @ForAll @IntRange(min = -12, max = 14) int offsetHours) {
    Instant t = Instant.ofEpochMilli(millis);
    String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHours(offsetHours)));
    assertThat(ScalarValues.epochMillis(text)).as(text).isEqualTo(millis);
  }

  private static String dotted(long v) {
    return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
  }
}
