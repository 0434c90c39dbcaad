/**
 * How the generated models read and write JSON: a reader for each kind of value the spec has, a
 * {@link dev.worldsapi.client.internal.json.Decoding} that walks one body and collects every place
 * where it differs from its schema, and the writing and copying the models share. Internal: not
 * part of the client's public API, and free to change in any release.
 */
@NullMarked
package dev.worldsapi.client.internal.json;

import org.jspecify.annotations.NullMarked;
