package dev.worldsapi.client.internal.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.errors.WorldsDecodeException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/** Reads a 2xx body as JSON. An empty or unreadable body is a {@link WorldsDecodeException}. */
public final class JsonBodyDecoder implements Decoder {

  private final ObjectMapper mapper;

  public JsonBodyDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    // The body is in memory already (RetryingClient reads it); Jackson reads it where it is.
    Response.Body body = response.body();
    Integer length = body == null ? Integer.valueOf(0) : body.length();
    if (length == null) {
      byte[] bytes = Requests.bodyOf(response);
      return decode(response.toBuilder().body(bytes).build(), type);
    }
    if (length == 0) {
      throw new WorldsDecodeException(
          "HTTP " + response.status() + " from " + where(response) + " has an empty body",
          null,
          Requests.attemptsOf(response));
    }
    try (InputStream in = body.asInputStream()) {
      return mapper.readValue(in, mapper.constructType(type));
    } catch (JacksonException e) {
      throw new WorldsDecodeException(
          "HTTP "
              + response.status()
              + " from "
              + where(response)
              + " is not the expected JSON ("
              + length
              + " bytes): "
              + e.getOriginalMessage(),
          e,
          Requests.attemptsOf(response));
    }
  }

  // Only failures name the request: a success does not parse its URL.
  private static String where(Response response) {
    return response.request().httpMethod() + " " + Requests.pathOf(response.request());
  }
}
