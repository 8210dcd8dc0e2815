package dev.billinggate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, reading responses with a tiny parser:
 * the generator must cost far less than the server it measures.
 */
final class HttpConnection implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];
  private int start;
  private int end;

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
    int remaining = contentLength(headerEnd);
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

  private int contentLength(int headerEnd) throws IOException {
    byte[] name = "content-length:".getBytes();
    for (int line = start; line < headerEnd; ) {
      if (line + name.length <= headerEnd && matchesIgnoreCase(line, name)) {
        int value = 0;
        for (int i = line + name.length; buffer[i] != '\r'; i++) {
          if (buffer[i] >= '0' && buffer[i] <= '9') {
            value = value * 10 + (buffer[i] - '0');
          }
        }
        return value;
      }
      while (buffer[line] != '\n') {
        line++;
      }
      line++;
    }
    throw new IOException("Response without Content-Length");
  }

  private boolean matchesIgnoreCase(int at, byte[] lowerCase) {
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
