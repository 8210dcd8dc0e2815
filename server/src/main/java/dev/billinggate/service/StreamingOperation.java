package dev.billinggate.service;

/**
 * An operation whose input or output carries a body beside its modeled members: S3's object data,
 * which the SDK passes as a separate {@code RequestBody} and reads from a stream, never as a field
 * of the request or response type.
 */
@FunctionalInterface
public interface StreamingOperation<I, O> {
  /** @param body the request body as the client meant it (aws-chunked framing removed); empty when none */
  Streamed<O> handle(I request, byte[] body, CallContext context);

  /**
   * A response with its body.
   *
   * @param body the bytes sent after the headers, {@code null} when the response has none of its own
   */
  record Streamed<O>(O response, byte[] body) {}
}
