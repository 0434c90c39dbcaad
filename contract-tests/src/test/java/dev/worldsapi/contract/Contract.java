package dev.worldsapi.contract;

/** The names and placeholders both sides of the contract agree on. */
public final class Contract {

  /** The provider's name in pact files: a service implementing the Worlds jobs API. */
  public static final String PROVIDER = "worlds-api";

  /** The consumer's name in pact files: this project's Java client. */
  public static final String CONSUMER = "worlds-java-client";

  /**
   * The token the consumer tests send. In the pact, the token is taken from the provider state
   * ({@code ${token}}); this is only its example.
   */
  public static final String PLACEHOLDER_TOKEN = "placeholder-token-for-contract-tests";

  /** The external-reference group under which each interaction names its operation. */
  public static final String OPENAPI = "openapi";

  private Contract() {}
}
