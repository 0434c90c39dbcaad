package dev.worldsapi.client.surface;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.RawResponse;
import dev.worldsapi.client.RequestOptions;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsAsyncClient;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.WorldsWorkspace;
import dev.worldsapi.client.internal.http.ClientObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the spec, read from openapi.yaml (not listed here), is on the public client
 * where its {@code x-worlds-resource} and {@code x-worlds-method} put it, in every form: plain,
 * with {@link RequestOptions}, raw and raw with options, async and async with options, async raw
 * and async raw with options. Each form is called against a stub answering the operation's own
 * success example from the spec, and answers it.
 */
class GeneratedSurfaceTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final List<SpecOperations.Op> OPERATIONS = SpecOperations.all();

  private final WorldsClient client = TestClients.against(server, new FakeTime()).build();

  /** The stubs are made in the test: the extension resets them before each. */
  private static void answerEveryOperationWithItsExample() {
    for (SpecOperations.Op op : OPERATIONS) {
      String path = Pattern.quote(op.path()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      server.stubFor(
          request(op.httpMethod(), urlPathMatching(path)).willReturn(okJson(op.successExample())));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOperationAnswersInEveryForm() {
    answerEveryOperationWithItsExample();
    WorldsWorkspace workspace = client.defaultWorkspace();
    WorldsAsyncClient async = client.async();
    List<DynamicTest> tests = new ArrayList<>();
    for (SpecOperations.Op op : OPERATIONS) {
      Object sync = resource(workspace, op);
      Object raw = invoke(sync, method(sync.getClass(), "withRawResponse", op));
      Object asyncResource = resource(async, op);
      Object asyncRaw =
          invoke(asyncResource, method(asyncResource.getClass(), "withRawResponse", op));
      tests.add(test(op, "plain", () -> assertValue(op, call(sync, op, false))));
      tests.add(
          test(op, "options", () -> assertValue(op, sentWithOptions(op, call(sync, op, true)))));
      tests.add(test(op, "raw", () -> assertRaw(op, call(raw, op, false))));
      tests.add(
          test(
              op,
              "raw with options",
              () -> assertRaw(op, sentWithOptions(op, call(raw, op, true)))));
      tests.add(test(op, "async", () -> assertValue(op, join(call(asyncResource, op, false)))));
      tests.add(
          test(
              op,
              "async with options",
              () -> assertValue(op, sentWithOptions(op, join(call(asyncResource, op, true))))));
      tests.add(test(op, "async raw", () -> assertRaw(op, join(call(asyncRaw, op, false)))));
      tests.add(
          test(
              op,
              "async raw with options",
              () -> assertRaw(op, sentWithOptions(op, join(call(asyncRaw, op, true))))));
    }
    return tests.stream();
  }

  private static DynamicTest test(SpecOperations.Op op, String form, Runnable check) {
    return DynamicTest.dynamicTest(op.operationId() + ": " + form, check::run);
  }

  /** The resource the operation's {@code x-worlds-resource} names, on a workspace or async view. */
  private static Object resource(Object view, SpecOperations.Op op) {
    return invoke(view, method(view.getClass(), op.resource(), op));
  }

  /** Calls the operation's method with arguments made for its parameter types. */
  private static Object call(Object target, SpecOperations.Op op, boolean withOptions) {
    Method method =
        Arrays.stream(target.getClass().getMethods())
            .filter(m -> m.getName().equals(op.method()))
            .filter(m -> endsWithOptions(m) == withOptions)
            .filter(m -> m.getParameterCount() > (withOptions ? 1 : 0))
            .findFirst()
            .or(
                () ->
                    Arrays.stream(target.getClass().getMethods())
                        .filter(m -> m.getName().equals(op.method()))
                        .filter(m -> endsWithOptions(m) == withOptions)
                        .findFirst())
            .orElseThrow(
                () ->
                    new AssertionError(
                        target.getClass().getName()
                            + " has no "
                            + op.method()
                            + (withOptions ? "(..., RequestOptions)" : "(...)")
                            + " for "
                            + op.operationId()
                            + ": the client's surface is generated from openapi.yaml; rebuild"));
    Object[] args = new Object[method.getParameterCount()];
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      args[i] = argument(types[i], op);
    }
    return invoke(target, method, args);
  }

  private static boolean endsWithOptions(Method m) {
    Class<?>[] types = m.getParameterTypes();
    return types.length > 0 && types[types.length - 1] == RequestOptions.class;
  }

  /**
   * An argument of this type: an id, params with none set, a model read from the spec's example
   * body.
   */
  private static Object argument(Class<?> type, SpecOperations.Op op) {
    if (type == String.class) {
      return "job-7f3a9c";
    }
    if (type == RequestOptions.class) {
      return RequestOptions.builder().header("X-Surface-Test", "1").build();
    }
    if (type.getPackageName().equals("dev.worldsapi.client.model")) {
      if (op.requestExample() == null) {
        throw new AssertionError(op.operationId() + " takes a " + type.getName() + " but no body");
      }
      try {
        return ClientObjectMapper.create().readValue(op.requestExample(), type);
      } catch (java.io.IOException e) {
        throw new AssertionError("the spec's request example is no " + type.getName(), e);
      }
    }
    try {
      Method builder = type.getMethod("builder");
      Object made = builder.invoke(null);
      return made.getClass().getMethod("build").invoke(made);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Method method(Class<?> type, String name, SpecOperations.Op op) {
    try {
      Method method = type.getMethod(name);
      assertThat(Modifier.isPublic(method.getModifiers())).isTrue();
      return method;
    } catch (NoSuchMethodException e) {
      throw new AssertionError(
          type.getName()
              + " has no "
              + name
              + "() for "
              + op.operationId()
              + ": the client's surface is generated from openapi.yaml; rebuild",
          e);
    }
  }

  private static Object invoke(Object target, Method method, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(method + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static Object join(Object future) {
    assertThat(future).isInstanceOf(CompletableFuture.class);
    try {
      return ((CompletableFuture<?>) future).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the future failed", e);
    }
  }

  /** The answer, once the request that got it is seen to carry the call's options. */
  private static Object sentWithOptions(SpecOperations.Op op, Object answer) {
    var last = server.getAllServeEvents().get(0).getRequest();
    assertThat(last.getMethod().getName()).isEqualTo(op.httpMethod());
    assertThat(last.getHeader("X-Surface-Test")).as(op.operationId() + "'s options").isEqualTo("1");
    return answer;
  }

  private static void assertValue(SpecOperations.Op op, Object value) {
    assertThat(value).as(op.operationId()).isNotNull().isNotInstanceOf(RawResponse.class);
  }

  private static void assertRaw(SpecOperations.Op op, Object value) {
    assertThat(value).as(op.operationId()).isInstanceOf(RawResponse.class);
    RawResponse<?> raw = (RawResponse<?>) value;
    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.attempts()).isEqualTo(1);
    assertThat(raw.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    assertValue(op, raw.parse());
  }
}
