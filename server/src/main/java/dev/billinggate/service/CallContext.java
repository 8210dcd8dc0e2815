package dev.billinggate.service;

import dev.billinggate.auth.Caller;
import java.time.Instant;

/**
 * Everything an operation may know about the request besides its input.
 *
 * @param caller the authenticated principal; {@code null} only while an unsigned operation's
 *     {@link OperationTable.Authenticator} runs
 * @param operation the operation's name on the wire, e.g. {@code ListVirtualMFADevices}
 * @param requestId the id echoed in the response
 * @param region the region from the SigV4 credential scope
 * @param now the time the request was received (from the injected clock)
 * @param sourceIp the client's address ({@code aws:SourceIp})
 * @param secureTransport whether the request came over TLS ({@code aws:SecureTransport})
 */
public record CallContext(
    Caller caller, String operation, String requestId, String region, Instant now, String sourceIp,
    boolean secureTransport) {

  public CallContext withCaller(Caller authenticated) {
    return new CallContext(authenticated, operation, requestId, region, now, sourceIp, secureTransport);
  }
}
