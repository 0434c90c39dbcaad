package example.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.json.ServerObjectMapper;
import dev.worldsapi.server.model.ErrorEnvelope;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty decides before Jersey sees a request, set to answer as the spec does. Stock Jetty
 * refuses a path with an empty segment ({@code /org//ws/...}) or an encoded one ({@code %2F},
 * {@code %2e%2e}) itself, with an HTML 400; the spec's answer is the 404 envelope, which the
 * runtime gives once the path reaches it. Jetty's own refusals (an oversized head, say) get the
 * error envelope instead of HTML.
 */
final class JettyForTheSpec {

  private static final UriCompliance PATHS_FOR_THE_APPLICATION =
      UriCompliance.DEFAULT.with(
          "WORLDS",
          UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
          UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
          UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
          UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
          UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

  private static final ObjectMapper JSON = ServerObjectMapper.create();

  private JettyForTheSpec() {}

  static void apply(Server server) {
    for (Connector connector : server.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (http != null) {
        http.getHttpConfiguration().setUriCompliance(PATHS_FOR_THE_APPLICATION);
      }
    }
    server.setErrorHandler(new EnvelopeErrors());
  }

  private static final class EnvelopeErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status =
          request.getAttribute(ERROR_STATUS) instanceof Integer given
              ? given
              : response.getStatus();
      String detail =
          request.getAttribute(ERROR_MESSAGE) instanceof String message && !message.isBlank()
              ? message
              : "HTTP " + status;
      byte[] body;
      try {
        body =
            JSON.writeValueAsBytes(
                new ErrorEnvelope(
                    status, detail, dev.worldsapi.server.errors.ErrorTypes.of(status)));
      } catch (JsonProcessingException e) {
        callback.failed(e);
        return true;
      }
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }
}
