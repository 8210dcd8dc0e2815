package dev.billinggate.protocol;

import software.amazon.awssdk.core.SdkRequest;

/**
 * A wire request decoded into the SDK's request type.
 *
 * @param operation the AWS operation name, e.g. {@code CreateUser}
 * @param input the SDK request, e.g. a {@code CreateUserRequest}
 */
public record DecodedRequest(String operation, SdkRequest input) {}
