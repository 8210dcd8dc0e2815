package dev.billinggate.service.iam;

import dev.billinggate.core.AwsIds;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.store.Store;
import java.time.Clock;

/** What every IAM and STS operation class is built from; the app creates one and hands it around. */
public record IamEnv(Store store, PolicyEngine engine, AwsManagedPolicies awsPolicies, Clock clock, AwsIds ids) {}
