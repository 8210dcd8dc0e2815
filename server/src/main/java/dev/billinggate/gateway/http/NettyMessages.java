package dev.billinggate.gateway.http;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Conversions between Netty's HTTP messages and the library-independent records. */
final class NettyMessages {
  private static final byte[] NO_BODY = new byte[0];

  private NettyMessages() {}

  static HttpRequest toRequest(io.netty.handler.codec.http.HttpRequest message, byte[] body, SocketAddress remote) {
    String uri = message.uri();
    // Absolute-form request targets ("http://host/path?q") carry the path after the authority.
    if (!uri.startsWith("/")) {
      int schemeEnd = uri.indexOf("://");
      int pathStart = schemeEnd < 0 ? -1 : uri.indexOf('/', schemeEnd + 3);
      uri = pathStart < 0 ? "/" : uri.substring(pathStart);
    }
    int question = uri.indexOf('?');
    String rawPath = question < 0 ? uri : uri.substring(0, question);
    String rawQuery = question < 0 ? "" : uri.substring(question + 1);
    return new HttpRequest(message.method().name(), rawPath, rawQuery, headers(message), body,
        remoteAddress(remote), false);
  }

  static HttpRequest withoutBody(io.netty.handler.codec.http.HttpRequest message, SocketAddress remote) {
    return toRequest(message, NO_BODY, remote);
  }

  static FullHttpResponse toNetty(HttpResponse response) {
    byte[] body = response.body() == null ? NO_BODY : response.body();
    FullHttpResponse message = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(body));
    // A value with line breaks carries several header lines (e.g. one Set-Cookie per cookie): a real
    // header value never contains one.
    response.headers().forEach((name, value) -> {
      for (String line : value.split("\n")) {
        message.headers().add(name, line);
      }
    });
    // A HEAD answer (S3's HeadObject) states the length of the body it does not send.
    if (!message.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      message.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    }
    return message;
  }

  static byte[] bytes(io.netty.buffer.ByteBuf content) {
    return content.isReadable() ? ByteBufUtil.getBytes(content) : NO_BODY;
  }

  private static Map<String, List<String>> headers(HttpMessage message) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    message.headers().forEach(header -> headers
        .computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
        .add(header.getValue()));
    return headers;
  }

  private static String remoteAddress(SocketAddress remote) {
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(remote);
  }
}
