package dev.billinggate.gateway.http;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request of one connection through the handler on the worker pool, one at a time, so
 * pipelined responses go out in request order. All fields are touched on the channel's event loop
 * only.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
  private static final HttpResponse BAD_REQUEST = HttpResponse.of(400, "text/plain", "Bad Request");
  private static final HttpResponse INTERNAL_ERROR = HttpResponse.of(500, "text/plain", "Internal Server Error");
  private static final HttpResponse UNAVAILABLE = HttpResponse.of(503, "text/plain", "Service Unavailable");

  private final Function<HttpRequest, HttpResponse> handler;
  private final Executor workers;
  private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean busy;
  /** The client half-closed: answer what it sent, then close. */
  private boolean inputClosed;

  RequestDispatcher(Function<HttpRequest, HttpResponse> handler, Executor workers) {
    this.handler = handler;
    this.workers = workers;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (busy) {
      // Pipelined request: hold it, and stop reading until the backlog is answered.
      waiting.add(request);
      ctx.channel().config().setAutoRead(false);
      return;
    }
    dispatch(ctx, request);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      inputClosed = true;
      if (!busy) {
        ctx.close();
      }
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    waiting.forEach(FullHttpRequest::release);
    waiting.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("Closing connection from {}", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private void dispatch(ChannelHandlerContext ctx, FullHttpRequest message) {
    busy = true;
    if (message.decoderResult().isFailure()) {
      message.release();
      write(ctx, BAD_REQUEST, false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(message);
    HttpRequest request;
    try {
      request = NettyMessages.toRequest(message, NettyMessages.bytes(message.content()), ctx.channel().remoteAddress());
    } finally {
      message.release();
    }
    try {
      workers.execute(() -> {
        HttpResponse response = handle(request);
        ctx.executor().execute(() -> write(ctx, response, keepAlive));
      });
    } catch (RejectedExecutionException e) {
      write(ctx, UNAVAILABLE, false);
    }
  }

  /** The gateway answers its own failures; this only guards against handlers that don't. */
  private HttpResponse handle(HttpRequest request) {
    try {
      HttpResponse response = handler.apply(request);
      if (response != null) {
        return response;
      }
      LOG.error("Handler returned no response for {} {}", request.method(), request.rawPath());
    } catch (RuntimeException | Error e) {
      LOG.error("Handler failed on {} {}", request.method(), request.rawPath(), e);
    }
    return INTERNAL_ERROR;
  }

  private void write(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
    FullHttpResponse message = NettyMessages.toNetty(response);
    boolean last = !keepAlive || inputClosed && waiting.isEmpty();
    HttpUtil.setKeepAlive(message, !last);
    if (last) {
      ctx.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    FullHttpRequest next = waiting.poll();
    if (next != null) {
      dispatch(ctx, next);
    } else {
      busy = false;
      ctx.channel().config().setAutoRead(true);
    }
  }
}
