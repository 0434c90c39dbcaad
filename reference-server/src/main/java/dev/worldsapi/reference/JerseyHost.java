package dev.worldsapi.reference;

import dev.worldsapi.reference.controls.Faults;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Jersey on Jetty ({@link HttpEngine}): the reference server's own host. */
public final class JerseyHost implements ServerHost {

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same: a false alarm on every start.
  private static final java.util.logging.Logger PROVIDER_CHECK =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
  }

  /**
   * A response body up to this size goes out in one write with its Content-Length, not in chunks;
   * the largest page (100 jobs) is about 57 KiB.
   */
  static final int WHOLE_BODY_BYTES = 64 * 1024;

  @Override
  public String name() {
    return "Jersey";
  }

  @Override
  public boolean dropsConnections() {
    return true;
  }

  @Override
  public boolean answersHeadLimits() {
    return true;
  }

  @Override
  public Running start(ServerOptions options, List<Object> components) {
    ResourceConfig app =
        new ResourceConfig()
            // Jersey's own WADL and HTML error pages would answer outside the envelope.
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    components.forEach(app::register);
    JettyHttpContainer container = ContainerFactory.createContainer(JettyHttpContainer.class, app);
    Handler served = new WholeResponses(container);
    return HttpEngine.start(
        options.host(),
        options.port(),
        options.connectionLimits(),
        options.maxRequestBodyBytes(),
        // Only test mode can arm the dropped-connection fault: only there is it looked for.
        options.testMode() ? new DroppedConnections(served) : served);
  }

  /**
   * Test mode's: a response marked {@link Faults#DROP_HEADER} is never sent, its connection closed
   * instead, for the dropped-connection fault. Outside {@link WholeResponses}, which sends a
   * gathered body in one write, so that nothing of a dropped answer reaches the client.
   */
  private static final class DroppedConnections extends Handler.Wrapper {

    DroppedConnections(Handler served) {
      super(served);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Response dropping =
          new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
              if (getHeaders().contains(Faults.DROP_HEADER)) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                written.failed(new EofException("connection dropped by a test fault"));
              } else {
                super.write(last, content, written);
              }
            }
          };
      return super.handle(request, dropping, callback);
    }
  }

  /**
   * Gathers a response's body (Jersey on Jetty writes it as it is produced, so it would go out in
   * chunks) and sends it whole, with its Content-Length, when the response ends; past {@link
   * #WHOLE_BODY_BYTES} it streams.
   */
  private static final class WholeResponses extends Handler.Wrapper {

    WholeResponses(Handler jersey) {
      super(jersey);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      // HEAD runs as GET, so that its answer carries the GET's Content-Length; Jetty knows the
      // request is HEAD and sends no body.
      Request asked =
          HttpMethod.HEAD.is(request.getMethod())
              ? new Request.Wrapper(request) {
                @Override
                public String getMethod() {
                  return HttpMethod.GET.asString();
                }
              }
              : request;
      Gathered gathered = new Gathered(asked, response);
      return super.handle(asked, gathered, gathered.completing(callback));
    }
  }

  private static final class Gathered extends Response.Wrapper {
    private final Request request;
    // What is gathered: grown by doubling, so a body written in many pieces is copied once.
    private byte[] held = new byte[0];
    private int size;
    private boolean streaming;

    Gathered(Request request, Response response) {
      super(request, response);
      this.request = request;
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
      if (streaming) {
        super.write(last, content, callback);
        return;
      }
      boolean tooLarge = size + (content == null ? 0 : content.remaining()) > WHOLE_BODY_BYTES;
      hold(content);
      if (tooLarge || last) {
        beforeCommitting();
        super.write(last, gathered(), callback);
        return;
      }
      callback.succeeded();
    }

    private void hold(ByteBuffer content) {
      if (content == null) {
        return;
      }
      int more = content.remaining();
      if (size + more > held.length) {
        held = Arrays.copyOf(held, Math.max(size + more, Math.max(4096, held.length * 2)));
      }
      content.get(held, size, more);
      size += more;
    }

    private ByteBuffer gathered() {
      return ByteBuffer.wrap(held, 0, size);
    }

    /**
     * Reads what has arrived of a request body the application left unread, as Jetty does when a
     * handler completes before its response is sent. If some of it has not arrived yet, Jetty marks
     * the connection as not to be reused, and the response about to be sent says {@code Connection:
     * close}: without it the client would send its next request on a connection the server is about
     * to close.
     */
    private void beforeCommitting() {
      streaming = true;
      request.consumeAvailable();
    }

    /** The handler's callback, which first sends what was gathered. */
    Callback completing(Callback callback) {
      return new Callback() {
        @Override
        public void succeeded() {
          if (streaming) {
            callback.succeeded();
          } else {
            beforeCommitting();
            getHeaders().put(HttpHeader.CONTENT_LENGTH, size);
            Gathered.super.write(true, gathered(), callback);
          }
        }

        @Override
        public void failed(Throwable failure) {
          callback.failed(failure);
        }

        @Override
        public InvocationType getInvocationType() {
          return callback.getInvocationType();
        }
      };
    }
  }
}
