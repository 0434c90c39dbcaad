package dev.worldsapi.client.internal.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.errors.WorldsDecodeException;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/** Reads a 2xx body as JSON. An empty or unreadable body is a {@link WorldsDecodeException}. */
final class JsonBodyDecoder {

  private final ObjectMapper mapper;

  JsonBodyDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  <T> T decode(Response response, Type type, int attempts) {
    // The body is in memory already (AttemptClient reads it); Jackson reads it where it is.
    Response.Body body = response.body();
    Integer length = body == null ? Integer.valueOf(0) : body.length();
    if (length == null) {
      byte[] bytes;
      try {
        bytes = Requests.bodyOf(response);
      } catch (IOException e) {
        throw new WorldsDecodeException(
            "HTTP " + response.status() + " from " + where(response) + " could not be read",
            e,
            attempts);
      }
      return decode(response.toBuilder().body(bytes).build(), type, attempts);
    }
    if (length == 0) {
      throw new WorldsDecodeException(
          "HTTP " + response.status() + " from " + where(response) + " has an empty body",
          null,
          attempts);
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
          attempts);
    } catch (IOException e) {
      throw new WorldsDecodeException(
          "HTTP " + response.status() + " from " + where(response) + " could not be read",
          e,
          attempts);
    }
  }

  // Only failures name the request: a success does not parse its URL.
  private static String where(Response response) {
    return response.request().httpMethod() + " " + Requests.pathOf(response.request());
  }
}
