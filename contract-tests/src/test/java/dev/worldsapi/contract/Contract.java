package dev.worldsapi.contract;

/** The names and placeholders both sides of the contract agree on. */
public final class Contract {

  /** The provider's name in pact files: a service implementing the Worlds jobs API. */
  public static final String PROVIDER = "worlds-api";

  /** The consumer's name in pact files: this project's Java client. */
  public static final String CONSUMER = "worlds-java-client";

  /**
   * The token the consumer tests send. Provider verification replaces exactly this value with a
   * token the provider accepts, and touches nothing else in a request.
   */
  public static final String PLACEHOLDER_TOKEN = "placeholder-token-for-contract-tests";

  public static final String BASE = "/api/v1/org/demo/ws/sandbox/worlds";
  public static final String JOBS = BASE + "/jobs";

  /** The demo user of the reference server, who creates the seeded jobs. */
  public static final String DEMO_USER_ID = "5f0c4b5e-3c1a-4c7e-9a55-2b9d3c1e7a10";

  public static final String PROJECT_ID = "0d7b7c1e-4f4a-4b8e-9a3c-5e6f7a8b9c0d";

  private Contract() {}
}
