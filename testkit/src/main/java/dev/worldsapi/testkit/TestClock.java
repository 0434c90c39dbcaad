package dev.worldsapi.testkit;

import dev.worldsapi.client.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The test server's time: a clock that moves only when the client sleeps on it (retry backoffs,
 * {@code Retry-After}, the waiter's polls), when {@link TestServer#advance()} steps the jobs (one
 * second a step), or when the test moves it. Nothing sleeps for real; every sleep is remembered.
 * The server's job times and the injected client's deadlines both read it. Thread-safe.
 */
public final class TestClock extends Clock implements Sleeper {

  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();
  private volatile Consumer<Duration> onSleep = slept -> {};

  TestClock(Instant start) {
    this.now = start;
  }

  /** Records the sleep and moves the clock by it, at once. */
  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping " + duration);
    }
    synchronized (this) {
      sleeps.add(duration);
      now = now.plus(duration);
    }
    onSleep.accept(duration);
  }

  void onSleep(Consumer<Duration> listener) {
    this.onSleep = listener;
  }

  /** Every sleep of the injected client since the test began, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** The sleeps added up: how much the client waited, in the clock's time. */
  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  /** Moves the clock forward; jobs do not move with it (see {@link TestServer#advance()}). */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, not by " + duration);
    }
    now = now.plus(duration);
  }

  synchronized void forgetSleeps() {
    sleeps.clear();
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: its time is the same in every zone, and a test has one. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "TestClock[" + instant() + "]";
  }
}
