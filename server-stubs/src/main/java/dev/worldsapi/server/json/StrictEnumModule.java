package dev.worldsapi.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Rejects a string that is not one of an enum's values. The generated enums of nullable properties
 * answer an unknown value with {@code null}, which would silently drop what the caller sent; this
 * turns it into the 422 it should be.
 */
final class StrictEnumModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  StrictEnumModule() {
    super("StrictEnumModule");
    setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config,
              JavaType type,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return new StrictEnumDeserializer(type.getRawClass(), deserializer);
          }
        });
  }

  private static final class StrictEnumDeserializer extends StdDeserializer<Object> {

    private static final long serialVersionUID = 1L;
    private final JsonDeserializer<?> delegate;

    StrictEnumDeserializer(Class<?> type, JsonDeserializer<?> delegate) {
      super(type);
      this.delegate = delegate;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
      Object value = delegate.deserialize(parser, context);
      if (value == null && text != null) {
        throw InvalidFormatException.from(
            parser,
            "not one of the values of " + handledType().getSimpleName(),
            text,
            handledType());
      }
      return value;
    }
  }
}
