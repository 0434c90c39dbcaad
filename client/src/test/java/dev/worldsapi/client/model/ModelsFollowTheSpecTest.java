package dev.worldsapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldsapi.client.errors.DecodeProblem;
import dev.worldsapi.client.internal.http.ClientObjectMapper;
import dev.worldsapi.client.internal.json.InvalidJsonException;
import dev.worldsapi.client.model.SpecSchemas.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model against its schema, with cases made from the spec: for every schema, a valid object
 * read and written back unchanged; for every field, left out, given a value of the wrong JSON type,
 * given {@code null}, and an unknown field added. The outcome each must have under strict reading:
 * a required field left out, a wrong type or a {@code null} the spec does not allow fails the read
 * with exactly that field's path named; anything the spec allows reads, and its accessor says
 * whether it was there.
 */
class ModelsFollowTheSpecTest {

  private static final ObjectMapper MAPPER = ClientObjectMapper.create();

  @TestFactory
  Stream<DynamicNode> everySchemaAndEveryField() {
    return SpecSchemas.objectSchemas().stream()
        .map(
            schema ->
                DynamicContainer.dynamicContainer(
                    schema, Stream.concat(objectCases(schema), fieldCases(schema))));
  }

  private static Stream<DynamicNode> objectCases(String schema) {
    Class<?> type = modelClass(schema);
    return Stream.of(
        DynamicTest.dynamicTest(
            "a valid object reads, every required accessor has a value, and it writes back as read",
            () -> {
              ObjectNode json = SpecSchemas.validObject(schema);
              Object model = read(json, type);
              for (Field field : SpecSchemas.fields(schema)) {
                Object value = accessor(type, field).invoke(model);
                assertThat(value).as(field.toString()).isNotNull();
                if (value instanceof Optional<?> optional) {
                  assertThat(optional).as(field.toString()).isPresent();
                }
              }
              assertThat(written(model)).isEqualTo(normalized(json));
              assertThat(read(written(model), type)).isEqualTo(model).hasSameHashCodeAs(model);
            }),
        DynamicTest.dynamicTest(
            "an unknown field is kept, named in toString, and written back",
            () -> {
              ObjectNode json = SpecSchemas.validObject(schema);
              json.putObject("added_later").put("depth", 2);
              Object model = read(json, type);
              assertThat(model.getClass().getMethod("additionalProperties").invoke(model))
                  .isEqualTo(java.util.Map.of("added_later", java.util.Map.of("depth", 2)));
              assertThat(model.toString()).contains("added_later={depth=2}");
              assertThat(written(model)).isEqualTo(normalized(json));
            }),
        DynamicTest.dynamicTest(
            "an array where the object belongs is refused at the root",
            () ->
                assertThat(problems("[]", type))
                    .containsExactly(new DecodeProblem("$", "must be an object, got an array"))));
  }

  private static Stream<DynamicNode> fieldCases(String schema) {
    Class<?> type = modelClass(schema);
    List<DynamicNode> cases = new ArrayList<>();
    for (Field field : SpecSchemas.fields(schema)) {
      String path = "$." + field.name();
      cases.add(
          DynamicTest.dynamicTest(
              field.name() + " left out: " + (field.required() ? "refused" : "reads as empty"),
              () -> {
                ObjectNode json = SpecSchemas.validObject(schema);
                json.remove(field.name());
                if (field.required()) {
                  assertThat(problems(json.toString(), type))
                      .containsExactly(new DecodeProblem(path, "is missing"));
                } else {
                  Object model = read(json, type);
                  assertThat((Optional<?>) accessor(type, field).invoke(model)).isEmpty();
                  assertThat(written(model).has(field.name())).isFalse();
                  if (field.nullable()) {
                    assertThat(has(type, field, model)).isFalse();
                  }
                }
              }));
      cases.add(
          DynamicTest.dynamicTest(
              field.name() + " of the wrong JSON type: refused",
              () -> {
                ObjectNode json = SpecSchemas.validObject(schema);
                json.set(field.name(), SpecSchemas.wrongType(field.declaration()));
                assertThat(problems(json.toString(), type))
                    .singleElement()
                    .satisfies(
                        problem -> {
                          assertThat(problem.path()).isEqualTo(path);
                          assertThat(problem.problem()).startsWith("must be ");
                        });
              }));
      cases.add(
          DynamicTest.dynamicTest(
              field.name() + " null: " + (field.nullable() ? "reads as empty" : "refused"),
              () -> {
                ObjectNode json = SpecSchemas.validObject(schema);
                json.set(field.name(), NullNode.instance);
                if (field.nullable()) {
                  Object model = read(json, type);
                  assertThat((Optional<?>) accessor(type, field).invoke(model)).isEmpty();
                  if (!field.required()) {
                    assertThat(has(type, field, model)).isTrue();
                  }
                  assertThat(written(model).get(field.name())).isEqualTo(NullNode.instance);
                } else {
                  assertThat(problems(json.toString(), type))
                      .containsExactly(new DecodeProblem(path, "must not be null"));
                }
              }));
      if (field.required() && !field.nullable()) {
        cases.add(
            DynamicTest.dynamicTest(
                field.name() + " unset in a builder: build() refuses it, naming it",
                () -> {
                  Object model = read(SpecSchemas.validObject(schema), type);
                  Object builder = type.getMethod("toBuilder").invoke(model);
                  builderSetter(builder.getClass(), field.accessor())
                      .invoke(builder, (Object) null);
                  Method build = builder.getClass().getMethod("build");
                  String named =
                      field.accessor().equals(field.name())
                          ? field.name()
                          : field.accessor() + " (" + field.name() + ")";
                  assertThatThrownBy(() -> unwrap(() -> build.invoke(builder)))
                      .isInstanceOf(IllegalArgumentException.class)
                      .hasMessage(type.getSimpleName() + ": " + named + " is required");
                }));
      }
    }
    return cases.stream();
  }

  // ---- helpers

  static Class<?> modelClass(String schema) {
    try {
      return Class.forName("dev.worldsapi.client.model." + schema);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the spec's " + schema + " has no model class", e);
    }
  }

  private static Method accessor(Class<?> type, Field field) throws NoSuchMethodException {
    return type.getMethod(field.accessor());
  }

  private static boolean has(Class<?> type, Field field, Object model) throws Exception {
    String name = field.accessor();
    return (boolean)
        type.getMethod("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
            .invoke(model);
  }

  private static Method builderSetter(Class<?> builder, String name) {
    for (Method method : builder.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        return method;
      }
    }
    throw new AssertionError(builder.getName() + " has no " + name + "(...)");
  }

  static Object read(JsonNode json, Class<?> type) throws Exception {
    return MAPPER.readValue(json.toString(), type);
  }

  static List<DecodeProblem> problems(String json, Class<?> type) {
    InvalidJsonException refused =
        catchThrowableOfType(InvalidJsonException.class, () -> MAPPER.readValue(json, type));
    assertThat(refused).as("reading %s as %s", json, type.getSimpleName()).isNotNull();
    return refused.problems();
  }

  static JsonNode written(Object model) throws Exception {
    return MAPPER.readTree(MAPPER.writeValueAsString(model));
  }

  private static JsonNode normalized(JsonNode json) throws Exception {
    return MAPPER.readTree(json.toString());
  }

  private interface Call {
    Object call() throws Exception;
  }

  private static Object unwrap(Call call) throws Throwable {
    try {
      return call.call();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
