/**
 * The Worlds jobs API client. Start at {@link dev.worldsapi.client.WorldsClient#builder()}.
 * Non-null by default; {@link org.jspecify.annotations.Nullable} marks the exceptions.
 */
@NullMarked
package dev.worldsapi.client;

import org.jspecify.annotations.NullMarked;
