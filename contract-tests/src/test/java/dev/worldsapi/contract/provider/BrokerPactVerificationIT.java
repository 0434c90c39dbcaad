package dev.worldsapi.contract.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import dev.worldsapi.contract.Contract;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
@EnabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
class BrokerPactVerificationIT extends ReferenceServerStates {

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void honoursTheBrokersPacts(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
