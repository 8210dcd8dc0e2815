package dev.billinggate.model;

import java.util.List;

/**
 * One operation of a service model.
 *
 * @param name the operation name, e.g. {@code CreateUser}
 * @param input input shape name, {@code null} when the operation takes none
 * @param output output shape name, {@code null} when the operation returns none
 * @param resultWrapper the awsQuery result element, e.g. {@code CreateUserResult}, or {@code null}
 * @param httpMethod the restJson method
 * @param requestUri the restJson path template, e.g. {@code /getContactInformation}
 * @param responseCode the restJson success status
 * @param errors names of the modeled error shapes
 */
public record OperationModel(
    String name,
    String input,
    String output,
    String resultWrapper,
    String httpMethod,
    String requestUri,
    int responseCode,
    List<String> errors) {}
