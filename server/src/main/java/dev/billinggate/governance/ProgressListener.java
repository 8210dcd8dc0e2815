package dev.billinggate.governance;

/** Told how many items a command will work on, then of each one finished (from worker threads). */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void total(int items) {}

    @Override
    public void advance() {}
  };

  void total(int items);

  void advance();
}
