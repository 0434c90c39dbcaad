package dev.worldsapi.contract.consumer;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.V4Pact;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.contract.Contract;
import java.util.Map;

/**
 * The request side every interaction shares. Everything that is the provider's data comes from the
 * provider state, never from a literal: the organization and workspace in the path, job and
 * manifest ids, and the bearer token ({@code ${org}}, {@code ${workspace}}, {@code ${jobId}},
 * {@code ${token}}, ...). The literals here are only the examples the consumer tests send.
 */
final class ConsumerRequests {

  /** The workspace path, from the provider state. */
  static final String WORKSPACE = "/api/v1/org/${org}/ws/${workspace}/worlds";

  /** The workspace path the consumer tests use. */
  static final String EXAMPLE_WORKSPACE = "/api/v1/org/demo/ws/sandbox/worlds";

  private ConsumerRequests() {}

  /**
   * Where an interaction's states begin: the pact's builder for the first interaction, the previous
   * interaction's response for the next ones of the same pact.
   */
  record Start(PactDslWithProvider builder, PactDslResponse previous) {

    static Start of(PactDslWithProvider builder) {
      return new Start(builder, null);
    }

    static Start after(PactDslResponse previous) {
      return new Start(null, previous);
    }

    PactDslWithState given(String state) {
      return previous == null ? builder.given(state) : previous.given(state);
    }

    PactDslWithState given(String state, Map<String, Object> params) {
      return previous == null ? builder.given(state, params) : previous.given(state, params);
    }
  }

  /** Every interaction starts from an empty workspace the token may use. */
  static PactDslWithState aWorkspace(Start start) {
    return start.given("a workspace exists");
  }

  static PactDslWithState aWorkspace(PactDslWithProvider builder) {
    return aWorkspace(Start.of(builder));
  }

  /** An empty workspace with jobs added: {@code count}, {@code kind}, {@code status}, ... */
  static PactDslWithState jobs(Start start, Map<String, Object> params) {
    return aWorkspace(start).given("jobs exist", params);
  }

  static PactDslWithState jobs(PactDslWithProvider builder, Map<String, Object> params) {
    return jobs(Start.of(builder), params);
  }

  /**
   * A request under the workspace's path, with the state's token.
   *
   * @param suffix what follows the workspace path, e.g. {@code /jobs/${jobId}}
   * @param example the same for the consumer test, e.g. {@code /jobs/job-1}
   */
  static PactDslRequestWithPath request(
      PactDslWithState given, String description, String method, String suffix, String example) {
    return request(given, description, method, suffix, EXAMPLE_WORKSPACE + example, true);
  }

  /** As {@link #request}, with a whole example path (another workspace) and the token or not. */
  static PactDslRequestWithPath request(
      PactDslWithState given,
      String description,
      String method,
      String suffix,
      String examplePath,
      boolean stateToken) {
    PactDslRequestWithPath request =
        given
            .uponReceiving(description)
            .method(method)
            .pathFromProviderState(WORKSPACE + suffix, examplePath);
    return stateToken
        ? request.headerFromProviderState(
            "Authorization", "Bearer ${token}", "Bearer " + Contract.PLACEHOLDER_TOKEN)
        : request;
  }

  /**
   * The body the client sends for a trajectory with defaults: only {@code manifest_id} (from the
   * provider state), as a model sends only the fields that were set and the API applies the
   * defaults of the rest.
   */
  static PactDslJsonBody trajectoryRequest(String manifestIdExpression, String example) {
    return new PactDslJsonBody()
        .valueFromProviderState("manifest_id", manifestIdExpression, example);
  }

  /** The V4 pact, each interaction tied to its operation. */
  static V4Pact pact(PactDslResponse response) {
    return OperationIds.tag(response.toPact(V4Pact.class));
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
}
