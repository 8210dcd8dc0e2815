package dev.billinggate.policy.eval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A compiled {@code *}/{@code ?} pattern. Compilation picks the cheapest matcher for the pattern's
 * shape; {@link General} handles the rest without backtracking: with the first and last literal
 * pieces anchored, each middle piece only has to be found at its leftmost position, so matching is
 * one left-to-right scan (O(text × piece) worst case, no exponential blow-up).
 *
 * <p>Matching is case-sensitive; callers lowercase both sides where IAM is case-insensitive.
 */
public sealed interface Glob {

  /** Whether {@code s[from, to)} matches. */
  boolean matches(String s, int from, int to);

  default boolean matches(String s) {
    return matches(s, 0, s.length());
  }

  static Glob compile(String pattern) {
    return builder().pattern(pattern).build();
  }

  static Builder builder() {
    return new Builder();
  }

  record Any() implements Glob {
    @Override
    public boolean matches(String s, int from, int to) {
      return true;
    }
  }

  record Exact(String text) implements Glob {
    @Override
    public boolean matches(String s, int from, int to) {
      return to - from == text.length() && s.startsWith(text, from);
    }
  }

  record Prefix(String prefix) implements Glob {
    @Override
    public boolean matches(String s, int from, int to) {
      return to - from >= prefix.length() && s.startsWith(prefix, from);
    }
  }

  record Suffix(String suffix) implements Glob {
    @Override
    public boolean matches(String s, int from, int to) {
      return to - from >= suffix.length() && s.startsWith(suffix, to - suffix.length());
    }
  }

  record Contains(String infix) implements Glob {
    @Override
    public boolean matches(String s, int from, int to) {
      int i = s.indexOf(infix, from);
      return i >= 0 && i + infix.length() <= to;
    }
  }

  /**
   * Literal pieces between stars; {@code anyChar[i]} marks the {@code ?} positions of piece
   * {@code i} (null when it has none). With {@code starred}, piece 0 is anchored at the start and the
   * last piece at the end (either may be empty); without, the single piece must span the text.
   */
  final class General implements Glob {
    private final String[] pieces;
    private final BitSet[] anyChar;
    private final boolean starred;

    General(String[] pieces, BitSet[] anyChar, boolean starred) {
      this.pieces = pieces;
      this.anyChar = anyChar;
      this.starred = starred;
    }

    @Override
    public boolean matches(String s, int from, int to) {
      if (!starred) {
        return to - from == pieces[0].length() && pieceAt(0, s, from);
      }
      int last = pieces.length - 1;
      int head = pieces[0].length();
      int tail = pieces[last].length();
      if (to - from < head + tail || !pieceAt(0, s, from) || !pieceAt(last, s, to - tail)) {
        return false;
      }
      int pos = from + head;
      int limit = to - tail;
      for (int i = 1; i < last; i++) {
        int len = pieces[i].length();
        int at = pos;
        while (at + len <= limit && !pieceAt(i, s, at)) {
          at++;
        }
        if (at + len > limit) {
          return false;
        }
        pos = at + len;
      }
      return true;
    }

    private boolean pieceAt(int i, String s, int at) {
      String p = pieces[i];
      BitSet any = anyChar[i];
      for (int k = 0; k < p.length(); k++) {
        if (p.charAt(k) != s.charAt(at + k) && (any == null || !any.get(k))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Assembles a pattern from wildcard text and literal text (substituted policy variables). */
  final class Builder {
    private final List<String> pieces = new ArrayList<>();
    private final List<BitSet> anyChar = new ArrayList<>();
    private StringBuilder piece = new StringBuilder();
    private BitSet pieceAny;

    private Builder() {}

    /** Appends text in which {@code *} and {@code ?} are wildcards. */
    public Builder pattern(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '*') {
          star();
        } else if (c == '?') {
          if (pieceAny == null) {
            pieceAny = new BitSet();
          }
          pieceAny.set(piece.length());
          piece.append(c);
        } else {
          piece.append(c);
        }
      }
      return this;
    }

    /** Appends text matched character for character. */
    public Builder literal(String text) {
      piece.append(text);
      return this;
    }

    private void star() {
      // Consecutive stars equal one: an empty middle piece adds nothing.
      if (pieces.isEmpty() || piece.length() > 0) {
        endPiece();
      }
    }

    private void endPiece() {
      pieces.add(piece.toString());
      anyChar.add(pieceAny);
      piece = new StringBuilder();
      pieceAny = null;
    }

    public Glob build() {
      endPiece();
      int n = pieces.size();
      boolean wild = anyChar.stream().anyMatch(b -> b != null);
      if (!wild) {
        String first = pieces.get(0);
        String last = pieces.get(n - 1);
        if (n == 1) {
          return new Exact(first);
        }
        if (n == 2 && first.isEmpty() && last.isEmpty()) {
          return new Any();
        }
        if (n == 2 && last.isEmpty()) {
          return new Prefix(first);
        }
        if (n == 2 && first.isEmpty()) {
          return new Suffix(last);
        }
        if (n == 3 && first.isEmpty() && last.isEmpty()) {
          return new Contains(pieces.get(1));
        }
      }
      return new General(pieces.toArray(String[]::new), anyChar.toArray(BitSet[]::new), n > 1);
    }
  }
}
