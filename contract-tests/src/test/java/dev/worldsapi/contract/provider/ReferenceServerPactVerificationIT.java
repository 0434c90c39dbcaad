package dev.worldsapi.contract.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.worldsapi.conformance.ImplementationDisplayNames;
import dev.worldsapi.contract.Contract;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the reference server against the pacts the consumer tests wrote to {@code target/pacts}.
 */
@Provider(Contract.PROVIDER)
@DisplayNameGeneration(ImplementationDisplayNames.class)
@PactFolder("target/pacts")
class ReferenceServerPactVerificationIT extends ReferenceServerStates {

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void honoursTheConsumerPact(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
