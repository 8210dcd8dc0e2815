package dev.billinggate.governance;

import java.net.ConnectException;
import java.net.URI;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A call that never reached its endpoint fails naming the URL, as the AWS CLI says it ("Could not connect
 * to the endpoint URL"), after the configured attempts, rather than with the HTTP client's bare reason.
 */
final class UnreachableEndpoints implements ExecutionInterceptor {
  private static final Pattern ATTEMPTS = Pattern.compile("SDK Attempt Count: (\\d+)");

  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    if (!(failure instanceof SdkClientException) || !unreachable(failure) || context.httpRequest().isEmpty()) {
      return failure;
    }
    URI uri = context.httpRequest().get().getUri();
    String url = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    Matcher attempts = ATTEMPTS.matcher(String.valueOf(failure.getMessage()));
    return SdkClientException.builder()
        .message("Could not connect to the endpoint URL: \"" + url + "\""
            + (attempts.find() ? " (after " + attempts.group(1) + " attempts; see --max-attempts)" : ""))
        .cause(failure).build();
  }

  private static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }
}
