package dev.worldsapi.client;

/**
 * How much of each HTTP attempt the client logs, at INFO, to the SLF4J logger {@code
 * dev.worldsapi.client.http}. Credentials are never logged at any level.
 */
public enum LogLevel {
  /** Nothing. The default. */
  NONE,
  /** Method, URL, status and duration of each attempt, and failures. */
  BASIC,
  /** BASIC plus request and response headers, with credential headers redacted. */
  HEADERS,
  /** HEADERS plus request and response bodies (up to 16 KiB each). */
  BODY
}
