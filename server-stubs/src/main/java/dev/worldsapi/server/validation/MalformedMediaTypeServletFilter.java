package dev.worldsapi.server.validation;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * For Jakarta REST implementations on a servlet container that parse {@code Content-Type} and
 * {@code Accept} before any Jakarta REST filter runs: RESTEasy does, while building its request
 * (log RESTEASY002130), and a malformed header then gets the container's HTML 400 instead of the
 * envelope. This filter hides a malformed header from the implementation and notes it in a request
 * attribute, which {@link MediaTypeHeaderFilter} reads (request properties are the servlet
 * request's attributes), so the request is refused with the 400 envelope at the same point, after
 * authentication, as on Jersey. Jersey does not need it; it does no harm there.
 *
 * <p>Register it for {@code /*} in front of the Jakarta REST servlet; see the README, "Implementing
 * the API in your service".
 */
public final class MalformedMediaTypeServletFilter implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)) {
      chain.doFilter(request, response);
      return;
    }
    String malformed = malformedHeader(http);
    if (malformed == null) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(MediaTypeHeaderFilter.MALFORMED_HEADER, malformed);
    chain.doFilter(new Hiding(http, malformed), response);
  }

  private static String malformedHeader(HttpServletRequest request) {
    List<String> contentTypes = Collections.list(request.getHeaders("Content-Type"));
    if (!contentTypes.isEmpty()
        && (contentTypes.size() > 1 || !MediaTypeHeaderFilter.isMediaType(contentTypes.get(0)))) {
      return "Content-Type";
    }
    for (String accept : Collections.list(request.getHeaders("Accept"))) {
      if (!MediaTypeHeaderFilter.isAccept(accept)) {
        return "Accept";
      }
    }
    return null;
  }

  /** The request without one header. */
  private static final class Hiding extends HttpServletRequestWrapper {
    private final String hidden;

    Hiding(HttpServletRequest request, String hidden) {
      super(request);
      this.hidden = hidden;
    }

    @Override
    public String getHeader(String name) {
      return hidden.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return hidden.equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      names.removeIf(hidden::equalsIgnoreCase);
      return Collections.enumeration(names);
    }

    @Override
    public String getContentType() {
      return hidden.equals("Content-Type") ? null : super.getContentType();
    }
  }
}
