package dev.billinggate.model;

/**
 * The wire facts of an error shape.
 *
 * @param code the error code AWS sends: {@code error.code} when modeled (IAM's {@code NoSuchEntity}), else the shape name
 * @param httpStatus the modeled status, 400 when the model says nothing
 * @param senderFault whether it is the caller's fault
 * @param messageMember the modeled name of the message member ({@code Message} or {@code message}), which AWS
 *     uses as the JSON key
 */
public record ErrorInfo(String code, int httpStatus, boolean senderFault, String messageMember) {}
