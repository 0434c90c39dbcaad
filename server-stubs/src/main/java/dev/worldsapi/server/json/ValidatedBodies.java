package dev.worldsapi.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.Pipeline;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Binds a request body the runtime has already parsed and checked against the spec from that parse,
 * instead of letting the JSON provider read its bytes again: each body is parsed once. The request
 * check ({@code RequestValidationFilter}) leaves the tree in the request property {@link #TREE};
 * bodies without one (a service's own resources) are read as usual.
 */
@Priority(Pipeline.SPEC_CHECK)
public final class ValidatedBodies implements ReaderInterceptor {

  /** The request property holding the checked body as a Jackson tree. */
  public static final String TREE = "dev.worldsapi.server.validatedBody";

  private final ObjectMapper json;

  public ValidatedBodies() {
    this(ServerObjectMapper.create());
  }

  /**
   * @param json the mapper the JSON provider reads with, so that a body bound here is bound as the
   *     provider would have bound it
   */
  public ValidatedBodies(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (context.getProperty(TREE) instanceof JsonNode tree
        && MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())
        && bindsFromATree(context.getType())) {
      context.removeProperty(TREE);
      return json.readerFor(json.constructType(context.getGenericType())).readValue(tree);
    }
    return context.proceed();
  }

  /** Not for readers of the raw body: text, bytes or a stream. */
  private static boolean bindsFromATree(Class<?> type) {
    return type != String.class
        && type != byte[].class
        && !InputStream.class.isAssignableFrom(type)
        && !Reader.class.isAssignableFrom(type);
  }
}
