package dev.billinggate.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One botocore shape with the constraints AWS validates input against. Unused attributes are
 * {@code null} (or empty): a string has no {@code members}, a structure no {@code pattern}.
 *
 * @param name the shape name
 * @param type botocore type: structure, list, map, string, integer, long, double, float, boolean, timestamp, blob
 * @param members structure members in model order
 * @param required names of required structure members
 * @param min minimum length (strings, blobs), item count (lists, maps) or value (numbers)
 * @param max maximum length, item count or value
 * @param pattern the regular expression as modeled (shown in validation messages)
 * @param compiledPattern {@code pattern} compiled for {@link java.util.regex.Matcher#matches()}, {@code null} if absent
 *     or not expressible in Java
 * @param enumValues allowed values of an enum string, empty if unconstrained
 * @param member list member shape name
 * @param key map key shape name
 * @param value map value shape name
 * @param sensitive whether AWS hides the value in validation messages
 * @param error the error facts when this shape is an exception, else {@code null}
 * @param payload the member a REST structure sends as its whole body, {@code null} when its members
 *     are the body's elements
 */
public record Shape(
    String name,
    String type,
    Map<String, Member> members,
    Set<String> required,
    Double min,
    Double max,
    String pattern,
    Pattern compiledPattern,
    List<String> enumValues,
    String member,
    String key,
    String value,
    boolean sensitive,
    ErrorInfo error,
    String payload) {}
