package dev.billinggate.gateway.http;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Watches a request's body between its headers and its end, so that a client which stops short of
 * its {@code Content-Length} is answered instead of holding the connection for ever: when it
 * half-closes (no more bytes will come) with {@code bodyEnded}'s answer, when it sends nothing for
 * {@code timeout} with {@code bodyStalled}'s. Either answer closes the connection, and nothing of the
 * request reaches the handler. A client that closes its side entirely cannot be answered; its
 * partial request is dropped. Runs on the channel's event loop only.
 */
final class IncompleteBodyGuard extends ChannelInboundHandlerAdapter {
  private final Duration timeout;
  private final Function<HttpRequest, Optional<HttpResponse>> bodyEnded;
  private final Function<HttpRequest, Optional<HttpResponse>> bodyStalled;
  /** The headers of the request whose body is arriving, {@code null} between bodies. */
  private io.netty.handler.codec.http.HttpRequest receiving;
  private ScheduledFuture<?> deadline;
  /** Set once answered: whatever still arrives before the connection closes is dropped. */
  private boolean refused;

  IncompleteBodyGuard(Duration timeout, Function<HttpRequest, Optional<HttpResponse>> bodyEnded,
      Function<HttpRequest, Optional<HttpResponse>> bodyStalled) {
    this.timeout = timeout;
    this.bodyEnded = bodyEnded;
    this.bodyStalled = bodyStalled;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof io.netty.handler.codec.http.HttpRequest request && !(msg instanceof LastHttpContent)
        && (HttpUtil.getContentLength(request, 0L) > 0 || HttpUtil.isTransferEncodingChunked(request))) {
      receiving = request;
      restartDeadline(ctx);
    } else if (msg instanceof HttpContent content && receiving != null) {
      if (content instanceof LastHttpContent) {
        receiving = null;
        cancelDeadline();
      } else {
        restartDeadline(ctx);
      }
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * The end of input mid-body: the decoder drops the partial request and passes the event on. It
   * goes no further (the dispatcher would close the connection before the answer).
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof ChannelInputShutdownEvent && receiving != null) {
      answer(ctx, bodyEnded);
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelDeadline();
    receiving = null;
    super.channelInactive(ctx);
  }

  private void restartDeadline(ChannelHandlerContext ctx) {
    cancelDeadline();
    deadline = ctx.executor().schedule(() -> {
      if (receiving != null && ctx.channel().isActive()) {
        answer(ctx, bodyStalled);
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  /** Answers the request being received (if its protocol has words for it) and closes the connection. */
  private void answer(ChannelHandlerContext ctx, Function<HttpRequest, Optional<HttpResponse>> hook) {
    HttpRequest headers = NettyMessages.withoutBody(receiving, ctx.channel().remoteAddress());
    receiving = null;
    refused = true;
    cancelDeadline();
    Optional<HttpResponse> answer;
    try {
      answer = hook.apply(headers);
    } catch (RuntimeException e) {
      answer = Optional.empty();
    }
    if (answer.isEmpty()) {
      ctx.close();
      return;
    }
    FullHttpResponse response = NettyMessages.toNetty(answer.get());
    HttpUtil.setKeepAlive(response, false);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
