package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.errors.WorldsTimeoutException;
import dev.worldsapi.client.errors.WorldsTransportException;
import feign.Request;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Classifies I/O failures: whether the request may have reached the server, and which exception to
 * throw.
 */
final class TransportFailures {

  private TransportFailures() {}

  /**
   * {@code false} only when the connection was never made, so the server cannot have seen the
   * request. Anything else (a reset, a timeout, a malformed response) may follow a request the
   * server received.
   */
  static boolean requestMayHaveBeenSent(IOException failure) {
    return !(failure instanceof ConnectException
        || failure instanceof HttpConnectTimeoutException
        || failure instanceof NoRouteToHostException
        || failure instanceof UnknownHostException);
  }

  static WorldsTransportException toException(Request request, IOException failure, int attempts) {
    String message =
        Requests.describe(request)
            + " failed after "
            + attempts
            + (attempts == 1 ? " attempt: " : " attempts: ")
            + describe(failure);
    boolean timedOut =
        (failure instanceof HttpTimeoutException
                && !(failure instanceof HttpConnectTimeoutException))
            || failure instanceof SocketTimeoutException;
    return timedOut
        ? new WorldsTimeoutException(message, failure, attempts)
        : new WorldsTransportException(message, failure, requestMayHaveBeenSent(failure), attempts);
  }

  private static String describe(IOException failure) {
    String detail = failure.getMessage();
    return failure.getClass().getSimpleName()
        + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
  }
}
