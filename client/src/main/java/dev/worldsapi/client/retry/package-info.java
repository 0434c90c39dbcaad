/** When the client repeats a request, and how long it waits first. Time is injected. */
@NullMarked
package dev.worldsapi.client.retry;

import org.jspecify.annotations.NullMarked;
