package dev.worldsapi.client.internal.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.errors.WorldsDecodeException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;

/** Reads a 2xx body as JSON. An empty or unreadable body is a {@link WorldsDecodeException}. */
public final class JsonBodyDecoder implements Decoder {

  private final ObjectMapper mapper;

  public JsonBodyDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body = Requests.bodyOf(response);
    String where = response.request().httpMethod() + " " + Requests.pathOf(response.request());
    if (body.length == 0) {
      throw new WorldsDecodeException(
          "HTTP " + response.status() + " from " + where + " has an empty body",
          null,
          Requests.attemptsOf(response));
    }
    try {
      return mapper.readValue(body, mapper.constructType(type));
    } catch (JacksonException e) {
      throw new WorldsDecodeException(
          "HTTP "
              + response.status()
              + " from "
              + where
              + " is not the expected JSON ("
              + body.length
              + " bytes): "
              + e.getOriginalMessage(),
          e,
          Requests.attemptsOf(response));
    }
  }
}
