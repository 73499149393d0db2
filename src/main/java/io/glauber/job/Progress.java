package io.glauber.job;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on stderr: a live bar (me.tongfei:progressbar) on a terminal; without one
 * (CI, redirected output) a plain line at every tenth of the work, so logs stay readable.
 */
public final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final String task;
  private final long max;
  private long nextLine;
  private String message = "";

  public Progress(String task, long max) {
    this.task = task;
    this.max = max;
    this.bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250).build();
    this.nextLine = Math.max(1, max / 10);
  }

  /** Marks {@code done} units of work finished. */
  public void stepTo(long done) {
    if (bar != null) {
      bar.stepTo(done);
    } else if (done >= nextLine || done == max) {
      System.err.printf("%s %d/%d %s%n", task, done, max, message);
      nextLine = done + Math.max(1, max / 10);
    }
  }

  /** A short message shown beside the bar (e.g. the latest log-likelihood). */
  public void message(String text) {
    message = text;
    if (bar != null) bar.setExtraMessage(text);
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
  }
}
