/**
 * The client's calls as OpenTelemetry traces and metrics. Nothing here is loaded unless the
 * OpenTelemetry API is on the classpath; the API stays an optional dependency.
 */
@NullMarked
package dev.worldsapi.client.internal.otel;

import org.jspecify.annotations.NullMarked;
