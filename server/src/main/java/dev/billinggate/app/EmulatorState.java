package dev.billinggate.app;

import dev.billinggate.emulator.SnapshotNames;
import dev.billinggate.emulator.StateControl;
import dev.billinggate.store.SnapshotContent;
import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.Snapshots;
import dev.billinggate.twin.Twin;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reset and snapshots over the store's {@link Snapshots}. The first-start state is itself a
 * snapshot ({@link #FIRST_START}), taken once right after the bootstrap, so a reset swaps in a
 * ready copy of the tables: no password hashing, no bootstrap again.
 */
final class EmulatorState implements StateControl {
  /** Outside {@link SnapshotNames}, so users can neither overwrite nor list it. */
  static final String FIRST_START = "_first-start";

  private final Snapshots snapshots;
  private final RequestGate gate;
  private final Clock clock;
  private final Runnable forgetDerivedState;
  private final Supplier<SnapshotContent> rebuiltFirstStart;
  private final TwinLoader twins;

  /**
   * @param forgetDerivedState drops what services keep in memory about the stored state
   * @param rebuiltFirstStart the first-start state of a data directory from before snapshots,
   *     which has no {@link #FIRST_START}; built once, on its first reset
   */
  EmulatorState(Snapshots snapshots, RequestGate gate, Clock clock, Runnable forgetDerivedState,
      Supplier<SnapshotContent> rebuiltFirstStart, TwinLoader twins) {
    this.snapshots = snapshots;
    this.gate = gate;
    this.clock = clock;
    this.forgetDerivedState = forgetDerivedState;
    this.rebuiltFirstStart = rebuiltFirstStart;
    this.twins = twins;
  }

  @Override
  public void reset() {
    gate.exclusively(() -> {
      if (!snapshots.restore(FIRST_START)) {
        snapshots.put(FIRST_START, rebuiltFirstStart.get());
        snapshots.restore(FIRST_START);
      }
      forgetDerivedState.run();
      return null;
    });
  }

  @Override
  public SnapshotInfo save(String name) {
    SnapshotNames.check(name);
    return gate.exclusively(() -> snapshots.save(name, clock.instant()));
  }

  @Override
  public boolean restore(String name) {
    SnapshotNames.check(name);
    return gate.exclusively(() -> {
      boolean restored = snapshots.restore(name);
      if (restored) {
        forgetDerivedState.run();
      }
      return restored;
    });
  }

  @Override
  public List<SnapshotInfo> list() {
    return snapshots.list().stream().filter(s -> !s.name().equals(FIRST_START)).toList();
  }

  @Override
  public boolean delete(String name) {
    SnapshotNames.check(name);
    return snapshots.delete(name);
  }

  @Override
  public Optional<SnapshotContent> export(String name) {
    SnapshotNames.check(name);
    return snapshots.content(name);
  }

  @Override
  public SnapshotInfo importSnapshot(String name, SnapshotContent content) {
    SnapshotNames.check(name);
    return snapshots.put(name, content);
  }

  @Override
  public TwinLoaded importTwin(Twin twin, boolean unknownBillingOn) {
    return gate.exclusively(() -> {
      TwinLoaded loaded = twins.load(twin, unknownBillingOn);
      forgetDerivedState.run();
      return loaded;
    });
  }
}
