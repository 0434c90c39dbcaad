/**
 * The client's one error vocabulary. Every failure is a {@link
 * dev.worldsapi.client.errors.WorldsException}: a {@link
 * dev.worldsapi.client.errors.WorldsServiceException} (one subclass per status the spec declares,
 * {@link dev.worldsapi.client.errors.UnexpectedStatusException} for any other) when the server
 * answered, a {@link dev.worldsapi.client.errors.WorldsTransportException} when no complete answer
 * arrived, a {@link dev.worldsapi.client.errors.WorldsDecodeException} when a successful answer
 * could not be read.
 */
@NullMarked
package dev.worldsapi.client.errors;

import org.jspecify.annotations.NullMarked;
