package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.errors.WorldsDecodeException;
import dev.worldsapi.client.errors.WorldsException;
import feign.FeignException;
import feign.codec.DecodeException;
import java.util.function.Supplier;

/**
 * Runs a call on a generated Feign interface so that only {@link WorldsException}s leave it. The
 * pipeline throws the client's own exceptions already; Feign wraps the decoder's, and this unwraps
 * them.
 */
public final class FeignCalls {

  private FeignCalls() {}

  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (FeignException e) {
      if (e.getCause() instanceof WorldsException worlds) {
        throw worlds;
      }
      if (e instanceof DecodeException) {
        throw new WorldsDecodeException("the response could not be read: " + e.getMessage(), e);
      }
      throw new WorldsException("the request failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
