package dev.worldsapi.reference;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gathers a request's body before the application sees the request, waiting for its bytes without
 * holding a thread; the application (Jersey, which reads bodies with blocking reads) then runs on a
 * request whose body is all there. A client that sends its body slowly costs a connection and the
 * bytes it sent, never one of the threads that answer others.
 *
 * <p>At most {@code maxBodyBytes + 1} bytes are gathered: a body that declares a larger length goes
 * to the application at once (which refuses it, 413, without reading), and a chunked body that
 * grows past it goes on with what was gathered and the rest unread. If the body cannot be read (the
 * client went away, or {@link RequestDeadlines} stopped waiting for it), the application meets that
 * failure where the body ends, and answers it.
 */
final class WholeRequestBodies extends Handler.Wrapper {

  private final long maxBodyBytes;

  WholeRequestBodies(Handler application, long maxBodyBytes) {
    super(application);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if ((declared <= 0 && !chunked) || declared > maxBodyBytes) {
      return super.handle(request, response, callback);
    }
    new Gathering(request, response, callback).run();
    return true;
  }

  /** Reads what has arrived, asks to be called again for more, and hands over when it is all in. */
  private final class Gathering implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Gathering(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          handOver(chunk);
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.writeBytes(copy);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          handOver(Content.Chunk.EOF);
          return;
        }
        if (body.size() > maxBodyBytes) {
          handOver(null);
          return;
        }
      }
    }

    /**
     * Runs the application on the request with its gathered body, then {@code end}: the end of the
     * body, a failure to read it, or ({@code null}) the rest still to be read.
     */
    private void handOver(Content.Chunk end) {
      Request replayed = new Replayed(request, body.toByteArray(), end);
      try {
        if (!WholeRequestBodies.super.handle(replayed, response, callback)) {
          Response.writeError(replayed, response, callback, 404);
        }
      } catch (Throwable failure) {
        callback.failed(failure);
      }
    }
  }

  /** The request with its body read again from what was gathered. */
  private static final class Replayed extends Request.Wrapper {
    private Content.Chunk gathered;
    private final Content.Chunk end;

    Replayed(Request request, byte[] body, Content.Chunk end) {
      super(request);
      this.gathered = Content.Chunk.from(ByteBuffer.wrap(body), false);
      this.end = end;
    }

    @Override
    public Content.Chunk read() {
      if (gathered != null) {
        Content.Chunk first = gathered;
        gathered = null;
        return first;
      }
      return end == null ? super.read() : end;
    }

    @Override
    public void demand(Runnable demandCallback) {
      if (gathered != null || end != null) {
        demandCallback.run();
      } else {
        super.demand(demandCallback);
      }
    }
  }
}
