package dev.billinggate.model;

/**
 * One member of a structure shape.
 *
 * @param name the member name as modeled, e.g. {@code UserName}
 * @param shape the name of the member's target shape
 * @param location where restJson binds it ({@code header}, {@code uri}, {@code querystring}), or {@code null} for the body
 * @param locationName the header/label/query name when {@code location} is set
 */
public record Member(String name, String shape, String location, String locationName) {}
