package dev.worldsapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.worldsapi.client.errors.WorldsDecodeException;
import dev.worldsapi.client.errors.WorldsException;
import dev.worldsapi.client.paging.Page;
import dev.worldsapi.spec.SpecExamples;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against answers mutated on the wire, from a raw socket: status lines, headers,
 * framing, content codings and bodies, each alone and together, from a fixed seed (so that a
 * failure repeats). Whatever comes, a call ends (no hang: answers that stop half-way end at the
 * read timeout), fails only with the client's documented exceptions ({@link WorldsException} and
 * its subclasses), and never returns an object with a required field missing.
 */
class WireFuzzTest {

  private static final long SEED = 20261207L;
  private static final int CASES = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScriptedServer server = new ScriptedServer();

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void mutatedAnswersEndInAValidObjectOrADocumentedExceptionAndNeverHang() {
    WorldsClient client =
        WorldsClient.builder()
            .baseUrl(server.baseUrl())
            .token(TestClients.TOKEN)
            .workspace("acme", "lab")
            .maxRetries(0)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofMillis(500))
            .build();
    Random random = new Random(SEED);
    JsonNode job = SpecExamples.sharedResponse("Job");
    JsonNode page = SpecExamples.listJobs("firstPage");
    int answered = 0;
    int refusedAsUndecodable = 0;
    for (int i = 0; i < CASES; i++) {
      boolean list = random.nextBoolean();
      Mutation mutation = mutate(random, list ? page : job);
      server.then(mutation.action());
      Supplier<Object> call =
          list ? () -> client.jobs().list() : () -> client.jobs().get("job-7f3a9c");
      String label = "case " + i + " (" + mutation.description() + ")";
      Object outcome =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () -> {
                try {
                  return call.get();
                } catch (WorldsException documented) {
                  return documented;
                }
              },
              label + " did not end");
      if (outcome instanceof WorldsDecodeException) {
        refusedAsUndecodable++;
      } else if (!(outcome instanceof WorldsException)) {
        answered++;
        assertNoRequiredFieldMissing(outcome instanceof Page<?> p ? p.items() : outcome, label);
      }
    }
    // The mutations reach both outcomes: a test that only ever saw one would prove little.
    assertThat(answered).as("calls answered with an object").isGreaterThan(CASES / 20);
    assertThat(refusedAsUndecodable).as("calls refused as undecodable").isGreaterThan(CASES / 20);
  }

  /** Every accessor of a model that is not an Optional has a value, all the way down. */
  private static void assertNoRequiredFieldMissing(Object value, String label) {
    if (value instanceof List<?> items) {
      items.forEach(item -> assertNoRequiredFieldMissing(item, label));
      return;
    }
    if (value == null || !isModel(value.getClass())) {
      return;
    }
    for (Method method : value.getClass().getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && !Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 0
          && !method.getReturnType().isPrimitive()
          && !List.of("toBuilder", "toString", "additionalProperties").contains(method.getName())) {
        Object field;
        try {
          field = method.invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(label + ": " + method, e);
        }
        assertThat(field)
            .as("%s: %s.%s()", label, value.getClass().getSimpleName(), method.getName())
            .isNotNull();
        assertNoRequiredFieldMissing(
            field instanceof Optional<?> o ? o.orElse(null) : field, label);
      }
    }
  }

  /** A generated model: a class of the model package that makes copies with a builder. */
  private static boolean isModel(Class<?> type) {
    try {
      return type.getPackageName().equals("dev.worldsapi.client.model")
          && type.getMethod("toBuilder") != null;
    } catch (NoSuchMethodException notAModel) {
      return false;
    }
  }

  // ---- mutations

  private record Mutation(ScriptedServer.Action action, String description) {}

  private static Mutation mutate(Random random, JsonNode valid) {
    List<String> what = new ArrayList<>();
    byte[] body = body(random, valid, what);
    String status =
        pick(
            random,
            what,
            0.7,
            "HTTP/1.1 200 OK",
            "HTTP/1.1 200",
            "HTTP/1.0 200 OK",
            "HTTP/1.1 201 Created",
            "HTTP/1.1 204 No Content",
            "HTTP/1.1 299 Unusual",
            "HTTP/1.1 301 Moved",
            "HTTP/1.1 404 Not Found",
            "HTTP/1.1 500 Oops",
            "HTTP/1.1 503 Busy",
            "HTTP/1.1 999 Nope",
            "HTTP/1.1 abc",
            "HTTP/2 200",
            "garbage",
            "",
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK");
    String type =
        pick(
            random,
            what,
            0.8,
            "application/json",
            "text/html",
            "application/json; charset=utf-8",
            "",
            "application/problem+json");
    String coding =
        pick(random, what, 0.8, "", "gzip", "br", "identity", "deflate", "gzip, br", "x-gzip");
    if ((coding.equals("gzip") || coding.equals("x-gzip")) && random.nextBoolean()) {
      body = gzip(body);
      what.add("gzipped for real");
    }
    String framing =
        pick(
            random,
            what,
            0.75,
            "length",
            "no length",
            "length+10",
            "length-5",
            "length abc",
            "two lengths",
            "chunked",
            "chunked broken",
            "cut in the head, kept open",
            "cut in the body, kept open");
    StringBuilder head = new StringBuilder(status).append("\r\n");
    if (!type.isEmpty()) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    if (!coding.isEmpty()) {
      head.append("Content-Encoding: ").append(coding).append("\r\n");
    }
    if (random.nextDouble() < 0.1) {
      head.append(
              pick(
                  random,
                  what,
                  0,
                  "X-Bad: \u0001\u0002",
                  "No colon here",
                  " folded: line",
                  "X-Very-Long: " + "a".repeat(20_000)))
          .append("\r\n");
    }
    byte[] payload = body;
    boolean keepOpen = false;
    switch (framing) {
      case "length" -> head.append("Content-Length: ").append(payload.length).append("\r\n");
      case "length+10" ->
          head.append("Content-Length: ").append(payload.length + 10).append("\r\n");
      case "length-5" ->
          head.append("Content-Length: ").append(Math.max(0, payload.length - 5)).append("\r\n");
      case "length abc" -> head.append("Content-Length: abc\r\n");
      case "two lengths" ->
          head.append("Content-Length: ")
              .append(payload.length)
              .append("\r\nContent-Length: 3\r\n");
      case "chunked" -> {
        head.append("Transfer-Encoding: chunked\r\n");
        payload = chunked(payload, true);
      }
      case "chunked broken" -> {
        head.append("Transfer-Encoding: chunked\r\n");
        payload = chunked(payload, false);
      }
      case "cut in the head, kept open" -> {
        keepOpen = true;
        payload = new byte[0];
      }
      case "cut in the body, kept open" -> {
        keepOpen = true;
        head.append("Content-Length: ").append(payload.length).append("\r\n");
        payload = java.util.Arrays.copyOf(payload, payload.length / 2);
      }
      default -> {}
    }
    byte[] headBytes =
        framing.equals("cut in the head, kept open")
            ? head.substring(0, Math.max(1, head.length() / 2))
                .getBytes(StandardCharsets.ISO_8859_1)
            : head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] answer = concat(headBytes, payload);
    String bytes = new String(answer, StandardCharsets.ISO_8859_1);
    ScriptedServer.Action action =
        keepOpen ? ScriptedServer.raw(bytes) : ScriptedServer.rawThenClose(bytes);
    return new Mutation(action, String.join(", ", what));
  }

  private static byte[] body(Random random, JsonNode valid, List<String> what) {
    JsonNode tree = valid.deepCopy();
    String kind =
        pick(
            random,
            what,
            0.35,
            "valid",
            "field removed",
            "field retyped",
            "field null",
            "field added",
            "item field removed",
            "truncated",
            "bytes flipped",
            "{}",
            "null",
            "[]",
            "\"text\"",
            "123",
            "html",
            "empty",
            "two values",
            "deep nesting",
            "huge number");
    String text =
        switch (kind) {
          case "field removed" -> edit(random, tree, (o, name) -> o.remove(name));
          case "field retyped" ->
              edit(random, tree, (o, name) -> o.set(name, retyped(o.get(name))));
          case "field null" -> edit(random, tree, (o, name) -> o.putNull(name));
          case "field added" -> edit(random, tree, (o, name) -> o.put("added_" + name, 1));
          case "item field removed" -> {
            JsonNode items = tree.path("items");
            if (items instanceof ArrayNode array && !array.isEmpty()) {
              edit(random, array.get(0), (o, name) -> o.remove(name));
            }
            yield tree.toString();
          }
          case "truncated" -> {
            String whole = tree.toString();
            yield whole.substring(0, random.nextInt(whole.length()));
          }
          case "bytes flipped" -> {
            char[] chars = tree.toString().toCharArray();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
              chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
            }
            yield new String(chars);
          }
          case "html" -> "<html><body>502 Bad Gateway</body></html>";
          case "empty" -> "";
          case "two values" -> tree + " " + tree;
          case "deep nesting" -> "[".repeat(5000) + "]".repeat(5000);
          case "huge number" ->
              edit(
                  random,
                  tree,
                  (o, name) -> o.put(name, new java.math.BigInteger("9".repeat(400))));
          case "valid" -> tree.toString();
          default -> kind;
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private interface Edit {
    void apply(ObjectNode object, String field);
  }

  /** Applies an edit to one field of the object, chosen at random; the whole tree as text. */
  private static String edit(Random random, JsonNode tree, Edit edit) {
    if (tree instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
          it.hasNext(); ) {
        names.add(it.next().getKey());
      }
      edit.apply(object, names.get(random.nextInt(names.size())));
    }
    return tree.toString();
  }

  private static JsonNode retyped(JsonNode value) {
    if (value == null || value.isTextual()) {
      return JSON.getNodeFactory().numberNode(5);
    }
    if (value.isNumber() || value.isBoolean()) {
      return TextNode.valueOf("five");
    }
    return value.isArray() ? JSON.createObjectNode() : JSON.createArrayNode();
  }

  private static String pick(
      Random random, List<String> what, double firstChance, String... options) {
    String chosen =
        random.nextDouble() < firstChance ? options[0] : options[random.nextInt(options.length)];
    if (!chosen.equals(options[0]) || firstChance == 0) {
      what.add(chosen.length() > 40 ? chosen.substring(0, 40) + "..." : chosen);
    }
    return chosen;
  }

  private static byte[] chunked(byte[] body, boolean wellFormed) {
    int half = body.length / 2;
    String chunks =
        Integer.toHexString(half)
            + "\r\n"
            + new String(body, 0, half, StandardCharsets.ISO_8859_1)
            + "\r\n"
            + (wellFormed ? Integer.toHexString(body.length - half) : "zz")
            + "\r\n"
            + new String(body, half, body.length - half, StandardCharsets.ISO_8859_1)
            + "\r\n"
            + (wellFormed ? "0\r\n\r\n" : "");
    return chunks.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
