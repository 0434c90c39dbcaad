/** Following a job until it ends, by polling. */
@NullMarked
package dev.worldsapi.client.waiting;

import org.jspecify.annotations.NullMarked;
