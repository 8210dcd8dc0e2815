package dev.billinggate.store;

import java.time.Instant;

/** What a listing says about one snapshot: its name, when it was taken and how many records it holds. */
public record SnapshotInfo(String name, Instant createdAt, int records) {}
