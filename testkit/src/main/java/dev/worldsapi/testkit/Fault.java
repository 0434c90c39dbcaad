package dev.worldsapi.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What an armed request meets instead of (or before) its normal answer: a status a real deployment
 * sometimes answers (429, 500, 502, 504), a delay, or a connection closed without an answer. Arm
 * one with {@code server.nextRequests(n).with(fault)}. Immutable.
 */
public final class Fault {

  private final dev.worldsapi.reference.controls.Fault fault;

  private Fault(dev.worldsapi.reference.controls.Fault fault) {
    this.fault = fault;
  }

  /**
   * 429 with {@code Retry-After} in whole seconds: {@code retryAfter} rounded up, at least 1 (the
   * header cannot say less than a second).
   */
  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(dev.worldsapi.reference.controls.Fault.rateLimited(retryAfter));
  }

  /** 500, as the server answers an unexpected failure (envelope and {@code X-Request-Id}). */
  public static Fault internalError() {
    return new Fault(dev.worldsapi.reference.controls.Fault.internalError());
  }

  /** 502, as a gateway in front of the API answers. */
  public static Fault badGateway() {
    return new Fault(dev.worldsapi.reference.controls.Fault.badGateway());
  }

  /** 504, as a gateway in front of the API answers. */
  public static Fault gatewayTimeout() {
    return new Fault(dev.worldsapi.reference.controls.Fault.gatewayTimeout());
  }

  /** The normal answer after {@code delay}, in real time: for a client's read timeout. */
  public static Fault delay(Duration delay) {
    return new Fault(dev.worldsapi.reference.controls.Fault.delay(delay));
  }

  /** The connection closed once the request is read, without a byte of answer. */
  public static Fault dropConnection() {
    return new Fault(dev.worldsapi.reference.controls.Fault.dropConnection());
  }

  /** Any of the statuses above by number: 429 (after 1 s), 500, 502 or 504. */
  public static Fault status(int status) {
    return new Fault(dev.worldsapi.reference.controls.Fault.status(status));
  }

  /** The reference server's fault underneath. */
  dev.worldsapi.reference.controls.Fault underneath() {
    return fault;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fault that && fault.equals(that.fault);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fault);
  }

  @Override
  public String toString() {
    return fault.toString();
  }
}
