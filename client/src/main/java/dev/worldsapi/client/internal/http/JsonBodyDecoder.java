package dev.worldsapi.client.internal.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.errors.DecodeProblem;
import dev.worldsapi.client.errors.WorldsDecodeException;
import dev.worldsapi.client.internal.json.InvalidJsonException;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a 2xx body as the JSON of its schema. Whatever cannot be that is a {@link
 * WorldsDecodeException} naming the operation and status: an empty body, a body in a content coding
 * the client did not ask for or cannot undo (it is never read as plain), JSON that does not parse,
 * a {@code null}, and JSON that parses but differs from the schema, with every difference listed.
 */
final class JsonBodyDecoder {

  private final ObjectMapper mapper;

  JsonBodyDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  <T> T decode(String operationId, Response response, Type type, int attempts) {
    String coding = Requests.header(response.headers(), "Content-Encoding");
    if (coding != null && !coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
      // GzipClient has undone gzip and removed the header: what is left, the client cannot read.
      throw failure(
          operationId,
          response,
          attempts,
          "is in the content coding \""
              + coding.strip()
              + "\", which this client did not ask for and cannot decode (it asks for gzip)",
          null,
          List.of());
    }
    // The body is in memory already (AttemptClient reads it); Jackson reads it where it is.
    Response.Body body = response.body();
    Integer length = body == null ? Integer.valueOf(0) : body.length();
    if (length == null) {
      byte[] bytes;
      try {
        bytes = Requests.bodyOf(response);
      } catch (IOException e) {
        throw failure(operationId, response, attempts, "could not be read", e, List.of());
      }
      return decode(operationId, response.toBuilder().body(bytes).build(), type, attempts);
    }
    if (length == 0) {
      throw failure(operationId, response, attempts, "has an empty body", null, List.of());
    }
    T value;
    try (InputStream in = body.asInputStream()) {
      value = mapper.readValue(in, mapper.constructType(type));
    } catch (InvalidJsonException e) {
      throw failure(
          operationId, response, attempts, "is " + e.getOriginalMessage(), e, e.problems());
    } catch (JacksonException e) {
      throw failure(
          operationId,
          response,
          attempts,
          "is not the expected JSON (" + length + " bytes): " + e.getOriginalMessage(),
          e,
          List.of());
    } catch (IOException e) {
      throw failure(operationId, response, attempts, "could not be read", e, List.of());
    }
    if (value == null) {
      throw failure(
          operationId,
          response,
          attempts,
          "is null, where the spec promises an object",
          null,
          List.of(new DecodeProblem("$", "must not be null")));
    }
    return value;
  }

  private static WorldsDecodeException failure(
      String operationId,
      Response response,
      int attempts,
      String what,
      @Nullable Throwable cause,
      List<DecodeProblem> problems) {
    // Only failures name the request: a success does not parse its URL.
    return new WorldsDecodeException(
        operationId
            + ": HTTP "
            + response.status()
            + " from "
            + response.request().httpMethod()
            + " "
            + Requests.pathOf(response.request())
            + " "
            + what,
        cause,
        attempts,
        operationId,
        response.status(),
        problems);
  }
}
