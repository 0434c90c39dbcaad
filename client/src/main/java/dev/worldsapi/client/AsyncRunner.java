package dev.worldsapi.client;

import dev.worldsapi.client.retry.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the client's blocking calls on an executor as futures whose cancellation interrupts the
 * call, which cancels its HTTP exchange; and schedules the polls of waits. Created with the client,
 * shared by its variants; the default threads are daemons, made when first needed. Thread-safe.
 */
final class AsyncRunner {

  private final @Nullable Executor given;
  private final Sleeper sleeper;
  private volatile @Nullable ExecutorService own;
  private volatile @Nullable ScheduledExecutorService scheduler;

  AsyncRunner(@Nullable Executor given, Sleeper sleeper) {
    this.given = given;
    this.sleeper = sleeper;
  }

  <T> CompletableFuture<T> submit(Supplier<T> call) {
    Interruptible<T> future = new Interruptible<>();
    try {
      executor().execute(() -> future.run(call));
    } catch (RejectedExecutionException rejected) {
      future.completeExceptionally(rejected);
    }
    return future;
  }

  ScheduledExecutorService scheduler() {
    ScheduledExecutorService current = scheduler;
    if (current == null) {
      synchronized (this) {
        if (scheduler == null) {
          scheduler =
              sleeper == Sleeper.SYSTEM
                  ? Executors.newSingleThreadScheduledExecutor(daemon("worlds-async-poll"))
                  : new SleeperScheduler(sleeper);
        }
        current = scheduler;
      }
    }
    return current;
  }

  private Executor executor() {
    if (given != null) {
      return given;
    }
    ExecutorService current = own;
    if (current == null) {
      synchronized (this) {
        if (own == null) {
          own = Executors.newCachedThreadPool(daemon("worlds-async"));
        }
        current = own;
      }
    }
    return current;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Waits out each delay through the client's {@link Sleeper} rather than the system's timer, so
   * that a sleeper of a test's making (one that records waits and moves a clock instead of
   * sleeping) governs the async waiter's polls as it does the blocking waiter's. The wait holds the
   * scheduler's thread, which only a sleeper that really sleeps makes noticeable.
   */
  private static final class SleeperScheduler extends ScheduledThreadPoolExecutor {
    private final Sleeper sleeper;

    SleeperScheduler(Sleeper sleeper) {
      super(1, daemon("worlds-async-poll"));
      this.sleeper = sleeper;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      Duration wait = Duration.ofNanos(unit.toNanos(delay));
      return super.schedule(
          () -> {
            try {
              sleeper.sleep(wait);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            command.run();
          },
          0,
          TimeUnit.NANOSECONDS);
    }
  }

  /** A future whose {@code cancel} interrupts the thread running its call. */
  private static final class Interruptible<T> extends CompletableFuture<T> {

    private @Nullable Thread worker;

    void run(Supplier<T> call) {
      synchronized (this) {
        if (isDone()) {
          return;
        }
        worker = Thread.currentThread();
      }
      try {
        complete(call.get());
      } catch (Throwable failure) {
        completeExceptionally(failure);
      } finally {
        synchronized (this) {
          worker = null;
          // A cancellation that came as the call ended must not reach the pool's next task.
          Thread.interrupted();
        }
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      synchronized (this) {
        if (cancelled && worker != null) {
          worker.interrupt();
        }
      }
      return cancelled;
    }
  }
}
