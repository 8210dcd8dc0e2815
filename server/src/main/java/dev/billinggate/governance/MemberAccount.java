package dev.billinggate.governance;

import java.util.List;
import java.util.Map;

/**
 * A member account as Organizations describes it.
 *
 * @param path parent ids from the account's direct parent up to the root
 */
public record MemberAccount(String id, String name, String email, String state, List<String> path,
    Map<String, String> tags) {}
