package dev.worldsapi.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the client's blocking calls on an executor as futures whose cancellation interrupts the
 * call, which cancels its HTTP exchange; and schedules the polls of waits. Created with the client,
 * shared by its variants; the default threads are daemons, made when first needed. Thread-safe.
 */
final class AsyncRunner {

  private final @Nullable Executor given;
  private volatile @Nullable ExecutorService own;
  private volatile @Nullable ScheduledExecutorService scheduler;

  AsyncRunner(@Nullable Executor given) {
    this.given = given;
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
          scheduler = Executors.newSingleThreadScheduledExecutor(daemon("worlds-async-poll"));
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
