package dev.billinggate.policy;

import java.util.List;
import java.util.Map;

/**
 * One question for the engine: may {@code principal} perform {@code action} on {@code resourceArn}?
 *
 * @param context condition keys with their values; the caller fills the global keys
 *     ({@link ContextKeys}: {@code aws:PrincipalArn}, {@code aws:SourceIp}, ...). Key lookup is
 *     case-insensitive. Pass a {@link ConditionContext} (built once per request) for the fast path;
 *     any other map is copied into one on every call.
 * @param resourceArn the resource ARN, or {@code "*"} for actions without a resource type
 * @param resourceAccount the account owning the resource; equal to the principal's for same-account
 *     requests
 */
public record AuthorizationRequest(
    Principal principal,
    String action,
    String resourceArn,
    String resourceAccount,
    Map<String, List<String>> context,
    PolicySet policies) {}
