package dev.worldsapi.client;

import java.util.UUID;

/** The {@code Idempotency-Key} of one logical create: random, so no two creates share one. */
final class IdempotencyKeys {

  private IdempotencyKeys() {}

  static String fresh() {
    return UUID.randomUUID().toString();
  }
}
