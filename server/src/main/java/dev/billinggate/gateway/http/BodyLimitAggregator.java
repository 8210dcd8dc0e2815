package dev.billinggate.gateway.http;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import java.util.function.Function;

/**
 * Netty's aggregator, answering over-limit bodies with the configured response instead of Netty's
 * bare 413, both when the body arrives and when a client asks {@code Expect: 100-continue}.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
  private static final int PAYLOAD_TOO_LARGE = 413;
  private final Function<HttpRequest, HttpResponse> payloadTooLarge;

  BodyLimitAggregator(int maxBodyBytes, Function<HttpRequest, HttpResponse> payloadTooLarge) {
    super(maxBodyBytes);
    this.payloadTooLarge = payloadTooLarge;
  }

  @Override
  protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object response = super.newContinueResponse(start, maxContentLength, pipeline);
    if (response instanceof FullHttpResponse netty && netty.status().code() == PAYLOAD_TOO_LARGE
        && start instanceof io.netty.handler.codec.http.HttpRequest request) {
      netty.release();
      return tooLarge(request, pipeline.firstContext());
    }
    return response;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (!(oversized instanceof io.netty.handler.codec.http.HttpRequest request)) {
      ctx.close();
      return;
    }
    // Like Netty: keep a keep-alive connection open (the rest of the body is discarded) unless the
    // whole body already arrived in one message or the client will not reuse the connection.
    boolean close = oversized instanceof FullHttpMessage
        || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
    FullHttpResponse response = tooLarge(request, ctx);
    if (close) {
      HttpUtil.setKeepAlive(response, false);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
  }

  private FullHttpResponse tooLarge(io.netty.handler.codec.http.HttpRequest request, ChannelHandlerContext ctx) {
    HttpResponse answer;
    try {
      answer = payloadTooLarge.apply(NettyMessages.withoutBody(request, ctx.channel().remoteAddress()));
    } catch (RuntimeException e) {
      answer = HttpResponse.of(PAYLOAD_TOO_LARGE, "text/plain", "Request Entity Too Large");
    }
    return NettyMessages.toNetty(answer);
  }
}
