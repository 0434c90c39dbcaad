/**
 * The HTTP pipeline behind {@link dev.worldsapi.client.WorldsClient}: transport, logging,
 * authentication, retries, error mapping and JSON. Internal: not part of the client's public API,
 * and free to change in any release.
 */
@NullMarked
package dev.worldsapi.client.internal.http;

import org.jspecify.annotations.NullMarked;
