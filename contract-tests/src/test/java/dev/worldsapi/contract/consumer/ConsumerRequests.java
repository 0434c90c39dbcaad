package dev.worldsapi.contract.consumer;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.contract.Contract;

/** The request side every interaction shares: the state, and a bearer token of any value. */
final class ConsumerRequests {

  private ConsumerRequests() {}

  /** A request to a fixed path, with the placeholder token. */
  static PactDslRequestWithPath request(
      PactDslWithProvider builder, String state, String description, String method, String path) {
    return authorized(builder.given(state).uponReceiving(description).method(method).path(path));
  }

  /**
   * A request to a path that holds an id the provider state returns, such as {@code
   * /jobs/${jobId}}; {@code example} is the path the consumer test uses.
   */
  static PactDslRequestWithPath requestToStatePath(
      PactDslWithProvider builder,
      String state,
      String description,
      String method,
      String template,
      String example) {
    return authorized(
        builder
            .given(state)
            .uponReceiving(description)
            .method(method)
            .pathFromProviderState(template, example));
  }

  /** The real client, pointed at Pact's mock server, without retries. */
  static WorldsClient client(MockServer mock) {
    return WorldsClient.builder()
        .baseUrl(mock.getUrl())
        .token(Contract.PLACEHOLDER_TOKEN)
        .workspace("demo", "sandbox")
        .maxRetries(0)
        .build();
  }

  private static PactDslRequestWithPath authorized(PactDslRequestWithPath request) {
    return request.matchHeader(
        "Authorization", "Bearer .+", "Bearer " + Contract.PLACEHOLDER_TOKEN);
  }
}
