package dev.worldsapi.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The server's one JSON configuration. */
public final class ServerObjectMapper {

  private ServerObjectMapper() {}

  /**
   * Timestamps as ISO-8601 strings; a null field is written as {@code null} where the spec declares
   * it nullable and left out where it does not; request fields the spec does not know are ignored,
   * as its schemas allow; and values are not coerced across types, so {@code "num_hosts": "5"} or
   * {@code "domains": [0]} is a 422 rather than a guess, as is a value outside an enum.
   */
  public static ObjectMapper create() {
    JsonMapper mapper =
        JsonMapper.builder(
                com.fasterxml.jackson.core.JsonFactory.builder()
                    // The request filter reads every spec body first under the service's body
                    // limit; here the same depth and number limits, and no size of its own.
                    .streamReadConstraints(
                        com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
                            .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(new StrictEnumModule())
            // After JavaTimeModule, so that it wins for OffsetDateTime: the same text, faster.
            .addModule(
                new com.fasterxml.jackson.databind.module.SimpleModule("IsoDateTime")
                    .addSerializer(java.time.OffsetDateTime.class, new IsoDateTimeSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .annotationIntrospector(new SpecNullability())
            .build();
    for (CoercionInputShape shape :
        new CoercionInputShape[] {
          CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }
}
