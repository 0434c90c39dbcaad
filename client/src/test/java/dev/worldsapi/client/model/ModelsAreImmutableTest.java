package dev.worldsapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Nothing hands out a way to change a model: read with reflection over every class of {@code
 * dev.worldsapi.client.model} (generated or not), none has a non-final instance field or a public
 * method that sets, adds, puts, removes or clears, and every list or map an accessor returns
 * refuses changes, all the way down. The one kind of class that changes is each model's {@code
 * Builder}, which exists to make a changed copy: what it built does not change with it.
 */
class ModelsAreImmutableTest {

  /** The names of methods that change what they are called on: setName, addItem, clear... */
  private static final String CHANGING = "(set|add|put|remove|clear)([A-Z].*)?";

  @TestFactory
  Stream<DynamicTest> noClassOfThePackageCanBeChanged() throws Exception {
    List<Class<?>> classes = classesOfThePackage();
    assertThat(classes)
        .as("the package's classes, found on the test classpath")
        .extracting(Class::getSimpleName)
        .contains("WorldJob", "JobStatus", "OpenEnum");
    return classes.stream()
        .map(
            type ->
                DynamicTest.dynamicTest(
                    type.getName(),
                    () -> {
                      for (Class<?> c = type;
                          c != null && c != Object.class;
                          c = c.getSuperclass()) {
                        for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                          if (!Modifier.isStatic(field.getModifiers())) {
                            assertThat(Modifier.isFinal(field.getModifiers()))
                                .as("%s.%s is final", c.getSimpleName(), field.getName())
                                .isTrue();
                          }
                        }
                      }
                      for (Method method : type.getMethods()) {
                        if (method.getDeclaringClass() != Object.class) {
                          assertThat(method.getName())
                              .as("%s.%s", type.getSimpleName(), method.getName())
                              .doesNotMatch(CHANGING);
                        }
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyListAndMapAModelHandsOutRefusesChanges() {
    return SpecSchemas.objectSchemas().stream()
        .map(
            schema ->
                DynamicTest.dynamicTest(
                    schema,
                    () -> {
                      Class<?> type = ModelsFollowTheSpecTest.modelClass(schema);
                      var json = SpecSchemas.validObject(schema);
                      json.putObject("added_later").putArray("list").add(1);
                      Object model = ModelsFollowTheSpecTest.read(json, type);
                      for (Method method : type.getDeclaredMethods()) {
                        if (Modifier.isPublic(method.getModifiers())
                            && !Modifier.isStatic(method.getModifiers())
                            && method.getParameterCount() == 0) {
                          refusesChanges(
                              method.invoke(model), type.getSimpleName() + "." + method.getName());
                        }
                      }
                    }));
  }

  @Test
  void whatABuilderBuiltDoesNotChangeWithTheBuilderOrWithTheListItWasGiven() {
    List<String> domains = new ArrayList<>(List.of("acme.local"));
    Map<String, Object> nested = new LinkedHashMap<>(Map.of("depth", new ArrayList<>(List.of(1))));
    CreateWorldManifestRequest.Builder builder =
        CreateWorldManifestRequest.builder()
            .name("lab")
            .domains(domains)
            .additionalProperty("added_later", nested);
    CreateWorldManifestRequest built = builder.build();

    domains.add("other.local");
    nested.put("depth", List.of());
    builder.name("changed").domains(List.of()).removeAdditionalProperty("added_later");

    assertThat(built.name()).contains("lab");
    assertThat(built.domains()).contains(List.of("acme.local"));
    assertThat(built.additionalProperties())
        .isEqualTo(Map.of("added_later", Map.of("depth", List.of(1))));
    assertThatThrownBy(() -> built.domains().orElseThrow().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @SuppressWarnings("unchecked") // to try a change on what is typed as a list or map of anything
  private static void refusesChanges(Object value, String where) {
    Object inner = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    if (inner instanceof List<?> list) {
      assertThatThrownBy(() -> ((List<Object>) list).add(null))
          .as(where)
          .isInstanceOf(UnsupportedOperationException.class);
      list.forEach(item -> refusesChanges(item, where + "[]"));
    } else if (inner instanceof Map<?, ?> map) {
      assertThatThrownBy(() -> ((Map<Object, Object>) map).put("x", null))
          .as(where)
          .isInstanceOf(UnsupportedOperationException.class);
      map.values().forEach(item -> refusesChanges(item, where + "{}"));
    } else if (inner instanceof Collection<?>) {
      throw new AssertionError(where + " hands out a collection that is neither a list nor a map");
    }
  }

  /** The top-level and nested classes of the package, but for builders and Jackson's glue. */
  private static List<Class<?>> classesOfThePackage() throws Exception {
    URL url = WorldJob.class.getResource("WorldJob.class");
    File directory = new File(url.toURI()).getParentFile();
    List<Class<?>> classes = new ArrayList<>();
    for (String name : directory.list()) {
      if (name.endsWith(".class") && !name.equals("package-info.class")) {
        Class<?> type =
            Class.forName("dev.worldsapi.client.model." + name.substring(0, name.length() - 6));
        boolean glue =
            !Modifier.isPublic(type.getModifiers())
                || type.getSimpleName().equals("Builder")
                || type.isAnonymousClass();
        if (!glue) {
          classes.add(type);
        }
      }
    }
    return classes;
  }
}
