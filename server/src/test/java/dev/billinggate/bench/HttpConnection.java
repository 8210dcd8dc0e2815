package dev.billinggate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, reading responses with a tiny parser:
 * the generator must cost far less than the server it measures.
 */
final class HttpConnection implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "close".getBytes(StandardCharsets.US_ASCII);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];
  private int start;
  private int end;
  private boolean reusable = true;

  HttpConnection(int port) throws IOException {
    socket = new Socket(BenchTarget.HOST, port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends the request and returns the response's status code once its body has been read. */
  int exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    int headerEnd;
    while ((headerEnd = headerEnd()) < 0) {
      fill();
    }
    int status = parseStatus();
    int contentLength = headerValueStart(CONTENT_LENGTH, headerEnd);
    if (contentLength < 0) {
      throw new IOException("Response without Content-Length");
    }
    int connection = headerValueStart(CONNECTION, headerEnd);
    // Servers such as moto's Werkzeug answer "Connection: close" and may not close promptly.
    reusable = connection < 0 || !matchesIgnoreCase(connection, CLOSE, headerEnd);
    int remaining = parseDigits(contentLength);
    start = headerEnd;
    while (remaining > 0) {
      if (start == end) {
        fill();
      }
      int taken = Math.min(remaining, end - start);
      start += taken;
      remaining -= taken;
    }
    return status;
  }

  /** Whether the last response allows another request on this connection. */
  boolean reusable() {
    return reusable;
  }

  private int headerEnd() {
    for (int i = start; i + 3 < end; i++) {
      if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  private void fill() throws IOException {
    if (start == end) {
      start = end = 0;
    } else if (end == buffer.length) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      throw new IOException("Connection closed by server");
    }
    end += read;
  }

  /** "HTTP/1.1 200 OK": the three digits after the first space. */
  private int parseStatus() {
    int space = start;
    while (buffer[space] != ' ') {
      space++;
    }
    return (buffer[space + 1] - '0') * 100 + (buffer[space + 2] - '0') * 10 + (buffer[space + 3] - '0');
  }

  /** Where the value of the named header (lower-case, with colon) starts, or -1. */
  private int headerValueStart(byte[] name, int headerEnd) {
    for (int line = start; line < headerEnd; ) {
      if (matchesIgnoreCase(line, name, headerEnd)) {
        int value = line + name.length;
        while (buffer[value] == ' ') {
          value++;
        }
        return value;
      }
      while (buffer[line] != '\n') {
        line++;
      }
      line++;
    }
    return -1;
  }

  private int parseDigits(int at) {
    int value = 0;
    for (int i = at; buffer[i] >= '0' && buffer[i] <= '9'; i++) {
      value = value * 10 + (buffer[i] - '0');
    }
    return value;
  }

  private boolean matchesIgnoreCase(int at, byte[] lowerCase, int limit) {
    if (at + lowerCase.length > limit) {
      return false;
    }
    for (int i = 0; i < lowerCase.length; i++) {
      if (Character.toLowerCase(buffer[at + i]) != lowerCase[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
