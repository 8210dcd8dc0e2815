package dev.billinggate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain-text tables within a set width: columns padded to their widest cell; when the rows would be wider
 * than the width, the widest columns give way and their cells wrap at spaces (a word longer than its
 * column is cut). The last column is never padded.
 */
final class Table {
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
  /** Rows are at most this wide unless {@code COLUMNS} says otherwise (a pipe or CI log has no terminal width). */
  static final int DEFAULT_WIDTH = 120;
  /** A column never gives way below this (or its own width, if narrower). */
  private static final int MIN_COLUMN = 12;
  /** Words up to this long (ARNs, ids) are kept whole while narrower columns can make room. */
  private static final int WHOLE_WORD = 48;
  private static final int GAP = 2;

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  String render() {
    return render(width());
  }

  String render(int maxWidth) {
    int[] widths = widths(header, new int[header.size()]);
    int[] words = longestWords(header, new int[header.size()]);
    rows.forEach(r -> {
      widths(r, widths);
      longestWords(r, words);
    });
    int[] fitted = fit(widths, words, maxWidth);
    StringBuilder out = new StringBuilder(lines(header, fitted));
    rows.forEach(r -> out.append(lines(r, fitted)));
    return out.toString();
  }

  /** Tab-separated, no header: for {@code --output text} and shell pipelines. */
  String renderText() {
    StringBuilder out = new StringBuilder();
    rows.forEach(r -> out.append(textLine(r)));
    return out.toString();
  }

  /** {@code COLUMNS} when the shell exports it, else {@link #DEFAULT_WIDTH}. */
  static int width() {
    try {
      int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
      return columns >= 40 ? columns : DEFAULT_WIDTH;
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }

  /** Widens {@code widths} to fit {@code row}'s visible text (colour codes take no room). */
  static int[] widths(List<String> row, int[] widths) {
    for (int i = 0; i < row.size(); i++) {
      widths[i] = Math.max(widths[i], visibleLength(row.get(i)));
    }
    return widths;
  }

  /**
   * The natural {@code widths} narrowed, widest column first, until a row fits in {@code maxWidth}: first
   * no column below its longest word (up to {@link #WHOLE_WORD}), then, if that is not enough, down to
   * {@link #MIN_COLUMN}.
   */
  static int[] fit(int[] widths, int[] longestWords, int maxWidth) {
    int[] fitted = widths.clone();
    int[] wholeWords = new int[widths.length];
    int[] narrowest = new int[widths.length];
    for (int i = 0; i < widths.length; i++) {
      narrowest[i] = Math.min(widths[i], MIN_COLUMN);
      wholeWords[i] = Math.max(narrowest[i], Math.min(widths[i], Math.min(longestWords[i], WHOLE_WORD)));
    }
    narrow(fitted, wholeWords, maxWidth);
    narrow(fitted, narrowest, maxWidth);
    return fitted;
  }

  private static void narrow(int[] fitted, int[] floor, int maxWidth) {
    int total = GAP * (fitted.length - 1);
    for (int w : fitted) {
      total += w;
    }
    while (total > maxWidth) {
      int widest = -1;
      for (int i = 0; i < fitted.length; i++) {
        if (fitted[i] > floor[i] && (widest < 0 || fitted[i] > fitted[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        return;
      }
      fitted[widest]--;
      total--;
    }
  }

  /** Widens {@code longest} to {@code row}'s longest word per column. */
  static int[] longestWords(List<String> row, int[] longest) {
    for (int i = 0; i < row.size(); i++) {
      for (String word : ANSI.matcher(row.get(i)).replaceAll("").split(" ")) {
        longest[i] = Math.max(longest[i], word.length());
      }
    }
    return longest;
  }

  /** One row: as many lines as its most wrapped cell needs. */
  static String lines(List<String> row, int[] widths) {
    List<List<String>> cells = new ArrayList<>();
    int height = 0;
    for (int i = 0; i < row.size(); i++) {
      List<String> wrapped = wrap(row.get(i), widths[i]);
      cells.add(wrapped);
      height = Math.max(height, wrapped.size());
    }
    StringBuilder out = new StringBuilder();
    for (int line = 0; line < height; line++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        String part = line < cells.get(i).size() ? cells.get(i).get(line) : "";
        text.append(part);
        if (i < cells.size() - 1) {
          text.append(" ".repeat(widths[i] - visibleLength(part) + GAP));
        }
      }
      out.append(text.toString().stripTrailing()).append(System.lineSeparator());
    }
    return out.toString();
  }

  static String textLine(List<String> row) {
    return String.join("\t", row) + System.lineSeparator();
  }

  /** {@code cell} in lines of at most {@code width} visible characters, broken at spaces where it can be. */
  private static List<String> wrap(String cell, int width) {
    if (visibleLength(cell) <= width) {
      return List.of(cell);
    }
    String text = ANSI.matcher(cell).replaceAll("");
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      while (word.length() > width) {
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static int visibleLength(String cell) {
    return cell.indexOf('\u001b') < 0 ? cell.length() : ANSI.matcher(cell).replaceAll("").length();
  }
}
