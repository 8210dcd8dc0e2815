package dev.billinggate.gateway;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import java.nio.charset.StandardCharsets;

/**
 * Picks the service a request is for. Signed requests name it in the SigV4 credential scope; for
 * the rest (unsigned or malformed, which still deserve an error in the right shape) the JSON target
 * prefix, the query API version or the REST path decide.
 */
final class ServiceRouter {
  private static final String S3_CONTROL_PATH = "/v" + ServiceId.S3_CONTROL.apiVersion().replace("-", "") + "/";

  /**
   * The service named by {@code scopeService}, or the one the request looks like when that is null
   * or not emulated. Never null: an error needs some protocol to be written in.
   */
  ServiceId route(HttpRequest request, String scopeService) {
    ServiceId named = scopeService == null ? null : ServiceId.bySigningName(scopeService);
    if (named == ServiceId.S3 && request.rawPath().startsWith(S3_CONTROL_PATH)) {
      return ServiceId.S3_CONTROL; // signs as s3; every S3 Control operation's path starts so
    }
    return named != null ? named : guess(request);
  }

  private static ServiceId guess(HttpRequest request) {
    String target = request.header("x-amz-target");
    if (target != null) {
      int dot = target.indexOf('.');
      String prefix = dot < 0 ? target : target.substring(0, dot);
      for (ServiceId id : ServiceId.values()) {
        if (prefix.equals(id.targetPrefix())) {
          return id;
        }
      }
      return ServiceId.ORGANIZATIONS;
    }
    String contentType = request.header("content-type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      return mentions(request, ServiceId.STS.apiVersion()) ? ServiceId.STS : ServiceId.IAM;
    }
    if (request.rawQuery().contains("Action=")) {
      return mentions(request, ServiceId.STS.apiVersion()) ? ServiceId.STS : ServiceId.IAM;
    }
    if (request.rawPath().startsWith(S3_CONTROL_PATH)) {
      return ServiceId.S3_CONTROL;
    }
    // The two REST services left: Account's operations have fixed paths; anything else is S3's,
    // which answers unsigned requests as the anonymous principal.
    return namesAccountOperation(request) ? ServiceId.ACCOUNT : ServiceId.S3;
  }

  private static boolean namesAccountOperation(HttpRequest request) {
    try {
      ProtocolCodecs.forService(ServiceId.ACCOUNT).operationName(request);
      return true;
    } catch (AwsException e) {
      return false;
    }
  }

  private static boolean mentions(HttpRequest request, String apiVersion) {
    String version = "Version=" + apiVersion;
    return request.rawQuery().contains(version)
        || new String(request.body(), StandardCharsets.ISO_8859_1).contains(version);
  }
}
