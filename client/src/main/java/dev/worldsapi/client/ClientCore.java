package dev.worldsapi.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.worldsapi.client.internal.http.CallPipeline;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.retry.Sleeper;
import dev.worldsapi.client.waiting.AsyncJobWaiter;
import dev.worldsapi.client.waiting.JobWaiter;
import feign.Feign;
import feign.Request;
import feign.Response;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the generated resources of one client share: the Feign interfaces generated from the spec,
 * the {@link CallPipeline} their calls travel, the client's default options, the async runner,
 * clock and sleeper. Immutable and thread-safe; {@link #withDefaults(RequestOptions)} makes the
 * variant of a derived client, sharing everything else.
 */
final class ClientCore {

  private final Feign.Builder feign;
  private final String baseUrl;
  private final Map<Class<?>, Object> targets;
  private final CallPipeline pipeline;
  private final RequestOptions defaults;
  private final AsyncRunner runner;
  private final Clock clock;
  private final Sleeper sleeper;

  ClientCore(
      Feign.Builder feign,
      String baseUrl,
      CallPipeline pipeline,
      AsyncRunner runner,
      Clock clock,
      Sleeper sleeper) {
    this(
        feign,
        baseUrl,
        new ConcurrentHashMap<>(),
        pipeline,
        RequestOptions.none(),
        runner,
        clock,
        sleeper);
  }

  private ClientCore(
      Feign.Builder feign,
      String baseUrl,
      Map<Class<?>, Object> targets,
      CallPipeline pipeline,
      RequestOptions defaults,
      AsyncRunner runner,
      Clock clock,
      Sleeper sleeper) {
    this.feign = feign;
    this.baseUrl = baseUrl;
    this.targets = targets;
    this.pipeline = pipeline;
    this.defaults = defaults;
    this.runner = runner;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The same core with these default options for every call. */
  ClientCore withDefaults(RequestOptions defaults) {
    return new ClientCore(feign, baseUrl, targets, pipeline, defaults, runner, clock, sleeper);
  }

  RequestOptions defaults() {
    return defaults;
  }

  /** The generated Feign interface, made once per client and shared by its variants. */
  <A> A api(Class<A> type) {
    // Feign.Builder is not thread-safe; building a target is rare (once per interface).
    return type.cast(
        targets.computeIfAbsent(
            type,
            t -> {
              synchronized (feign) {
                return feign.target(t, baseUrl);
              }
            }));
  }

  /**
   * A call's options: the client's defaults with the call's own over them.
   *
   * @throws IllegalArgumentException for null options
   */
  RequestOptions options(RequestOptions perCall) {
    Arguments.required("options", "options", perCall);
    return defaults.merge(perCall);
  }

  /** Sends a call and answers its body as {@code type}, with what came with it. */
  <B> RawResponse<B> call(
      String operationId,
      RequestOptions options,
      TypeReference<B> type,
      Function<Request.Options, Response> attempt) {
    return call(operationId, options, type, attempt, Function.identity());
  }

  /**
   * Sends a call, reads its body as {@code type} and answers it made into {@code T} by {@code
   * body}, with the status, headers and attempts: the one {@link RawResponse} of the call.
   */
  <B, T> RawResponse<T> call(
      String operationId,
      RequestOptions options,
      TypeReference<B> type,
      Function<Request.Options, Response> attempt,
      Function<B, T> body) {
    CallPipeline.Exchange exchange = pipeline.send(operationId, options, attempt);
    B decoded = pipeline.decode(operationId, exchange, type.getType());
    return new RawResponse<>(
        exchange.status(), exchange.headers(), exchange.attempts(), body.apply(decoded));
  }

  /** Runs a blocking call on the async executor; cancelling the future cancels its exchange. */
  <T> CompletableFuture<T> async(Supplier<T> call) {
    return runner.submit(call);
  }

  /** The default job waiter over a blocking read of a job. */
  JobWaiter jobWaiter(Function<String, WorldJob> getJob) {
    return new JobWaiter(getJob, clock, sleeper);
  }

  /** The default async job waiter over a non-blocking read; its scheduler is made when asked. */
  AsyncJobWaiter asyncJobWaiter(Function<String, CompletableFuture<WorldJob>> getJob) {
    return new AsyncJobWaiter(getJob, runner.scheduler(), clock);
  }
}
