package dev.worldsapi.server.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;

/** The JSON name of a Java property: its {@code @JsonProperty}, else its name in snake_case. */
final class JsonNames {

  private JsonNames() {}

  static String of(Class<?> bean, String javaName) {
    if (bean != null) {
      String getter = "get" + Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
      for (Method method : bean.getMethods()) {
        JsonProperty property = method.getAnnotation(JsonProperty.class);
        if (method.getName().equals(getter)
            && method.getParameterCount() == 0
            && property != null
            && !property.value().isEmpty()) {
          return property.value();
        }
      }
      for (Class<?> type = bean; type != null; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField(javaName);
          JsonProperty property = field.getAnnotation(JsonProperty.class);
          if (property != null && !property.value().isEmpty()) {
            return property.value();
          }
        } catch (NoSuchFieldException notHere) {
          // Look in the superclass.
        }
      }
    }
    return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
