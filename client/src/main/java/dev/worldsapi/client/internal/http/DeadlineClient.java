package dev.worldsapi.client.internal.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bounds the whole response of a plugged-in transport, body included, by the read timeout, as the
 * default transport does by itself: most transports bound each read, so a server that trickles
 * bytes could hold a call for as long as it likes. The exchange runs on a worker thread and its
 * body is read there in full; a caller that waited out the deadline gets an {@link
 * HttpTimeoutException} while the worker's response is closed. Thread-safe.
 */
public final class DeadlineClient implements Client {

  private final Client delegate;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "worlds-http-deadline");
            thread.setDaemon(true);
            return thread;
          });

  public DeadlineClient(Client delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    AtomicReference<Response> inFlight = new AtomicReference<>();
    Future<Response> exchange =
        workers.submit(
            () -> {
              Response response = delegate.execute(request, options);
              inFlight.set(response);
              return buffered(response);
            });
    try {
      return exchange.get(options.readTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon(exchange, inFlight);
      throw new HttpTimeoutException(
          "no complete response within the read timeout of " + options.readTimeoutMillis() + " ms");
    } catch (InterruptedException e) {
      abandon(exchange, inFlight);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    }
  }

  /** The response with its body read into memory, so that no read happens past the deadline. */
  private static Response buffered(Response response) throws IOException {
    if (response.body() == null) {
      return response;
    }
    try (Response open = response) {
      byte[] body = open.body().asInputStream().readAllBytes();
      return open.toBuilder().body(body).build();
    }
  }

  /** Stops waiting; closing the response, off the caller's thread, frees a blocked read. */
  private void abandon(Future<Response> exchange, AtomicReference<Response> inFlight) {
    exchange.cancel(true);
    Response response = inFlight.get();
    if (response != null) {
      workers.execute(response::close);
    }
  }
}
