package dev.billinggate.store;

import java.util.function.Function;
import java.util.function.Supplier;

/** A store that hands every call to another; backends extend it to add what they own (files, locks). */
public abstract class ForwardingStore implements Store {
  private final Store delegate;

  protected ForwardingStore(Store delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> T read(Function<ReadTx, T> work) {
    return delegate.read(work);
  }

  @Override
  public <T> T write(Function<WriteTx, T> work) {
    return delegate.write(work);
  }

  @Override
  public void declare(Table<?>... tables) {
    delegate.declare(tables);
  }

  @Override
  public void sync() {
    delegate.sync();
  }

  @Override
  public void onChangedElsewhere(Runnable listener) {
    delegate.onChangedElsewhere(listener);
  }

  @Override
  public boolean ready() {
    return delegate.ready();
  }

  @Override
  public <T> T alone(Supplier<T> work) {
    return delegate.alone(work);
  }

  @Override
  public Snapshots snapshots() {
    return delegate.snapshots();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
