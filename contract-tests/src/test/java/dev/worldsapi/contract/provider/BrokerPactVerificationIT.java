package dev.worldsapi.contract.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import dev.worldsapi.contract.Contract;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the reference server against the pacts in a Pact Broker, selected by Pact's standard
 * properties ({@code pactbroker.url}, {@code pactbroker.auth.token}, {@code
 * pactbroker.consumerversionselectors.rawjson}, ...); results are published with {@code
 * -Dpact.verifier.publishResults=true -Dpact.provider.version=<git sha>
 * -Dpact.provider.branch=<branch>}. Runs only when {@code pactbroker.url} is set.
 */
@Provider(Contract.PROVIDER)
@PactBroker
@EnabledIf(value = "brokerNamed", disabledReason = "no Pact Broker named (-Dpactbroker.url)")
class BrokerPactVerificationIT extends ReferenceServerStates {

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void honoursTheBrokersPacts(PactVerificationContext context) {
    context.verifyInteraction();
  }

  /** Runs when a broker is named; otherwise says so on the console, not only in the report. */
  static boolean brokerNamed() {
    String url = System.getProperty("pactbroker.url", "");
    if (!url.isBlank()) {
      return true;
    }
    System.out.println("Skipped BrokerPactVerificationIT: no Pact Broker named (-Dpactbroker.url)");
    return false;
  }
}
