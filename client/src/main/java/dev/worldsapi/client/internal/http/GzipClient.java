package dev.worldsapi.client.internal.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Asks for gzip ({@code Accept-Encoding: gzip}) and inflates a gzip body, refusing one that
 * inflates past a bound, so that a small hostile body cannot fill the heap. The response it returns
 * carries the inflated body, without {@code Content-Encoding} or {@code Content-Length}.
 * Thread-safe.
 */
public final class GzipClient implements Client {

  /** The most a gzip body may inflate to. A page of 100 jobs is about 60 KiB. */
  public static final int MAX_INFLATED_BYTES = 32 * 1024 * 1024;

  private final Client delegate;
  private final int maxInflatedBytes;

  public GzipClient(Client delegate) {
    this(delegate, MAX_INFLATED_BYTES);
  }

  GzipClient(Client delegate, int maxInflatedBytes) {
    this.delegate = delegate;
    this.maxInflatedBytes = maxInflatedBytes;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Request asking =
        Requests.header(request.headers(), "Accept-Encoding") == null
            ? Requests.withHeader(request, "Accept-Encoding", "gzip")
            : request;
    Response response = delegate.execute(asking, options);
    String encoding = Requests.header(response.headers(), "Content-Encoding");
    if (encoding == null || !isGzip(encoding.strip()) || response.body() == null) {
      return response;
    }
    byte[] inflated;
    try (Response compressed = response;
        InputStream raw = new BufferedInputStream(compressed.body().asInputStream())) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      // Some transports (Feign's default client) inflate the body themselves and keep the header.
      inflated = readAtMost(gzip ? new GZIPInputStream(raw) : raw);
    }
    Map<String, Collection<String>> headers = new HashMap<>();
    response
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Encoding")
                  && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, values);
              }
            });
    headers.put("Content-Length", List.of(Integer.toString(inflated.length)));
    return response.toBuilder().headers(headers).body(inflated).build();
  }

  /** {@code gzip}, or its old name {@code x-gzip}, which RFC 9110 says to read as gzip. */
  private static boolean isGzip(String coding) {
    return coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip");
  }

  private byte[] readAtMost(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int read; (read = in.read(buffer)) != -1; ) {
      if (out.size() + read > maxInflatedBytes) {
        throw new IOException(
            "the gzip body inflates past "
                + maxInflatedBytes
                + " bytes, the most this client reads");
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }
}
