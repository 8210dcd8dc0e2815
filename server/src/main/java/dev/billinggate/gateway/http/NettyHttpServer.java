package dev.billinggate.gateway.http;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * HTTP/1.1 server on Netty (epoll when available, NIO otherwise): keep-alive, whole-body
 * aggregation with a size limit, {@code Expect: 100-continue}, 400 for unparseable requests, an
 * answer (or a clean close) for bodies cut short or stalled, half-closed connections answered. The
 * handler runs on a small fixed worker pool because it may block briefly on the store; the event
 * loops only parse and write. All its threads are daemons: the caller keeps the JVM alive.
 */
public final class NettyHttpServer implements AutoCloseable {
  private static final int MAX_INITIAL_LINE = 8192;
  private static final int MAX_HEADER_SIZE = 16384;
  private static final int MAX_CHUNK_SIZE = 65536;

  private final EventLoopGroup loops;
  private final ExecutorService workers;
  private final Channel serverChannel;

  private NettyHttpServer(EventLoopGroup loops, ExecutorService workers, Channel serverChannel) {
    this.loops = loops;
    this.workers = workers;
    this.serverChannel = serverChannel;
  }

  /**
   * Loads Netty's native transport (or finds it missing) and its buffer allocator, which the first
   * {@link #start} in a process otherwise spends a noticeable part of its time on. Safe to call from
   * any thread, any number of times.
   */
  public static void prepare() {
    Epoll.isAvailable();
    PooledByteBufAllocator.DEFAULT.buffer(1).release();
  }

  /** Binds and starts serving; returns once the port is bound. */
  public static NettyHttpServer start(HttpServerConfig config, Function<HttpRequest, HttpResponse> handler)
      throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    int loopThreads = Runtime.getRuntime().availableProcessors();
    EventLoopGroup loops = epoll
        ? new EpollEventLoopGroup(loopThreads, new DefaultThreadFactory("http-loop", true))
        : new NioEventLoopGroup(loopThreads, new DefaultThreadFactory("http-loop", true));
    Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    ExecutorService workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(),
        0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), new DefaultThreadFactory("http-worker", true));
    try {
      Channel channel = new ServerBootstrap()
          .group(loops)
          .channel(channelType)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          // A client that half-closes mid-body can still read the answer saying so.
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline()
                  .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_CHUNK_SIZE))
                  .addLast(new IncompleteBodyGuard(config.bodyTimeout(), config.bodyEnded(), config.bodyStalled()))
                  .addLast(new BodyLimitAggregator(config.maxBodyBytes(), config.payloadTooLarge()))
                  .addLast(new RequestDispatcher(handler, workers));
            }
          })
          .bind(config.host(), config.port())
          .sync()
          .channel();
      return new NettyHttpServer(loops, workers, channel);
    } catch (InterruptedException | RuntimeException e) {
      loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownNow();
      throw e;
    }
  }

  /** The bound port (the chosen one when configured with 0). */
  public int port() {
    return address().getPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Stops accepting, lets in-flight requests finish for up to two seconds, then stops. */
  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
