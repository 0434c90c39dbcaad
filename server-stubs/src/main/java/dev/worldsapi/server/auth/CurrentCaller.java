package dev.worldsapi.server.auth;

import java.util.Optional;

/**
 * The caller of the request being handled on this thread, set by {@link BearerAuthFilter}. Lets
 * implementations of the generated interfaces, which carry no JAX-RS annotations of their own, know
 * who is calling. For resources that handle requests synchronously, as the generated interfaces do.
 */
public final class CurrentCaller {

  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  private CurrentCaller() {}

  /** The caller, or empty outside an authenticated request. */
  public static Optional<Caller> get() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * @throws IllegalStateException outside an authenticated request
   */
  public static Caller require() {
    return get()
        .orElseThrow(() -> new IllegalStateException("no authenticated caller on this thread"));
  }

  static void set(Caller caller) {
    CURRENT.set(caller);
  }

  static void clear() {
    CURRENT.remove();
  }
}
