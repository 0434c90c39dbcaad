package dev.worldsapi.server.http;

import dev.worldsapi.server.Pipeline;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses a response body with gzip when the request accepts it ({@code Accept-Encoding: gzip})
 * and the body is larger than {@value #THRESHOLD_BYTES} bytes; smaller ones gain nothing. Every
 * compressible response says {@code Vary: Accept-Encoding}, so caches keep the two apart. The body
 * is built in memory first, which the API's bounded pages allow.
 */
@Provider
@Priority(Pipeline.CONTENT_CODING)
public final class GzipResponses implements WriterInterceptor {

  /** Bodies up to this size are sent as they are. */
  public static final int THRESHOLD_BYTES = 1024;

  // Read from the request once, as it arrives, instead of through an injected proxy per body.
  private static final String ACCEPTS_GZIP = GzipResponses.class.getName() + ".acceptsGzip";

  /**
   * Notes whether the request accepts gzip as it arrives, for {@link GzipResponses} to read without
   * an injected proxy per body. A class of its own: an implementation may register a class for one
   * of its contracts only (RESTEasy, given one class that was both, applied it as a filter and
   * never as a writer interceptor).
   */
  @Provider
  @PreMatching
  @Priority(Pipeline.CONTENT_CODING)
  public static final class AcceptEncodingFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING))) {
        request.setProperty(ACCEPTS_GZIP, Boolean.TRUE);
      }
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    context.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    if (context.getProperty(ACCEPTS_GZIP) == null) {
      // Nothing to decide: the body goes out as it is written, not copied through a buffer.
      context.proceed();
      return;
    }
    OutputStream wire = context.getOutputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    context.setOutputStream(body);
    context.proceed();
    if (body.size() > THRESHOLD_BYTES) {
      context.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
      context.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
      try (GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(wire))) {
        body.writeTo(gzip);
      }
    } else {
      body.writeTo(wire);
    }
  }

  /** {@code gzip} listed in {@code Accept-Encoding} without {@code q=0}. */
  private static boolean acceptsGzip(String accept) {
    if (accept == null) {
      return false;
    }
    for (String coding : accept.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].strip().toLowerCase(Locale.ROOT);
      if (name.equals("gzip") || name.equals("x-gzip")) {
        for (int i = 1; i < parts.length; i++) {
          String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
          if (parameter.matches("q=0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Lets the gzip stream finish without closing the container's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
