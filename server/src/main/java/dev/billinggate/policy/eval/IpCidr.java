package dev.billinggate.policy.eval;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 CIDR block for {@code IpAddress}/{@code NotIpAddress}. A bare address is a /32
 * (or /128). Addresses are parsed by hand: {@code InetAddress} may resolve names, which a pure
 * engine must never do. IPv4 blocks match only IPv4 addresses and IPv6 blocks only IPv6 ones.
 */
final class IpCidr {
  private final boolean v6;
  private final long hi;
  private final long lo;
  private final int prefix;

  private IpCidr(boolean v6, long hi, long lo, int prefix) {
    this.v6 = v6;
    this.hi = hi;
    this.lo = lo;
    this.prefix = prefix;
  }

  /** The block, or {@code null} when {@code text} is not an address or CIDR. */
  static IpCidr parse(String text) {
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    long[] a = address(addr);
    if (a == null) {
      return null;
    }
    boolean v6 = addr.indexOf(':') >= 0;
    int max = v6 ? 128 : 32;
    int prefix = max;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        return null;
      }
    }
    return new IpCidr(v6, a[0], a[1], prefix);
  }

  boolean contains(String ip) {
    boolean ipV6 = ip.indexOf(':') >= 0;
    if (ipV6 != v6) {
      return false;
    }
    if (!v6) {
      long v = ipv4(ip);
      return v >= 0 && prefixEquals(0, v, 0, lo, prefix, 32);
    }
    long[] a = ipv6(ip);
    return a != null && prefixEquals(a[0], a[1], hi, lo, prefix, 128);
  }

  /** Compares the first {@code bits} of two addresses of {@code width} bits held in (hi, lo). */
  private static boolean prefixEquals(long h1, long l1, long h2, long l2, int bits, int width) {
    if (width == 32) {
      long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
      return (l1 & mask) == (l2 & mask);
    }
    if (bits <= 64) {
      long mask = bits == 0 ? 0 : -1L << (64 - bits);
      return (h1 & mask) == (h2 & mask);
    }
    long mask = bits == 128 ? -1L : -1L << (128 - bits);
    return h1 == h2 && (l1 & mask) == (l2 & mask);
  }

  private static long[] address(String addr) {
    if (addr.indexOf(':') >= 0) {
      return ipv6(addr);
    }
    long v = ipv4(addr);
    return v < 0 ? null : new long[] {0, v};
  }

  /** Dotted quad → 32-bit value, or -1. */
  static long ipv4(String s) {
    return ipv4(s, 0, s.length());
  }

  private static long ipv4(String s, int from, int to) {
    long value = 0;
    int octets = 0;
    int i = from;
    while (i <= to && octets < 4) {
      int start = i;
      int octet = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        octet = octet * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
      octets++;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != '.') {
        return -1;
      }
      i++;
    }
    return octets == 4 && i == to ? value : -1;
  }

  /** IPv6 text (with {@code ::} and an optional dotted-quad tail) → {hi, lo}, or null. */
  static long[] ipv6(String s) {
    int[] groups = new int[8];
    int n = 0;
    int gap = -1;
    int i = 0;
    int len = s.length();
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
    }
    while (i < len) {
      if (n == 8) {
        return null;
      }
      int start = i;
      int v = 0;
      while (i < len && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        v = (v << 4) | Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i < len && s.charAt(i) == '.') {
        long v4 = ipv4(s, start, len);
        if (v4 < 0 || n > 6) {
          return null;
        }
        groups[n++] = (int) (v4 >>> 16);
        groups[n++] = (int) (v4 & 0xFFFF);
        i = len;
        break;
      }
      if (i == start) {
        return null;
      }
      groups[n++] = v;
      if (i == len) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < len && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = n;
        i++;
      } else if (i == len) {
        return null;
      }
    }
    if (gap < 0 && n != 8) {
      return null;
    }
    if (gap >= 0) {
      if (n == 8) {
        return null;
      }
      int move = n - gap;
      System.arraycopy(groups, gap, groups, 8 - move, move);
      Arrays.fill(groups, gap, 8 - move, 0);
    }
    long hi = 0;
    long lo = 0;
    for (int g = 0; g < 4; g++) {
      hi = (hi << 16) | groups[g];
      lo = (lo << 16) | groups[g + 4];
    }
    return new long[] {hi, lo};
  }
}
