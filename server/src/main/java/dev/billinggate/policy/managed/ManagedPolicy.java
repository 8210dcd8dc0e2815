package dev.billinggate.policy.managed;

import java.time.Instant;

/**
 * An AWS managed policy as shipped in {@code /aws-managed-policies/}: the default version only.
 *
 * @param arn e.g. {@code arn:aws:iam::aws:policy/AdministratorAccess}
 * @param path e.g. {@code /} or {@code /root-task/}
 * @param versionId the default version, e.g. {@code v1}
 */
public record ManagedPolicy(
    String arn, String name, String path, String policyId, String versionId, String description,
    Instant createDate, Instant updateDate, String document) {}
