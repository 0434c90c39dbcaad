package example.provider;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service listens where it says it does: the loopback interface, not every interface. */
class ProviderServerTest {

  @Test
  void listensOnTheLoopbackInterfaceOnly() throws Exception {
    try (ProviderServer server = ProviderServer.start(0, "a-token-not-a-secret", List.of())) {
      InetSocketAddress bound = server.address();
      assertTrue(
          bound.getAddress().isLoopbackAddress(),
          "bound to " + bound + ", not to the loopback interface");
    }
  }
}
