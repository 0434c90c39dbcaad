package dev.worldsapi.server.errors;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Finds a resource method's parameter annotations where they are declared: on the generated
 * interface, not on the implementing class, whose methods carry no JAX-RS annotations.
 */
final class ResourceMethods {

  private ResourceMethods() {}

  static Annotation[] parameterAnnotations(Method method, int index) {
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(method.getDeclaringClass());
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      try {
        Annotation[] annotations =
            type.getDeclaredMethod(method.getName(), method.getParameterTypes())
                .getParameterAnnotations()[index];
        if (annotations.length > 0) {
          return annotations;
        }
      } catch (NoSuchMethodException notDeclaredHere) {
        // Look further up.
      }
      types.addAll(Arrays.asList(type.getInterfaces()));
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
    }
    return new Annotation[0];
  }
}
