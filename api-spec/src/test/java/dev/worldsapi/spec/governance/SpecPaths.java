package dev.worldsapi.spec.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names an element of the spec as its reader would: a JSON pointer into the document, such as
 * {@code #/paths/~1api~1.../get/responses/200/content/application~1json/schema/properties/items/
 * items/properties/created_by_user/allOf/0/properties/full_name}, becomes {@code
 * WorldJob.created_by_user.full_name}. A named schema reached by {@code $ref} starts the name
 * afresh, except through {@code allOf}, which composes and so keeps the way in; a parameter is
 * named by its operation, place and name; a keyword the pointer ends on is added in brackets.
 */
final class SpecPaths {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private SpecPaths() {}

  static String readable(JsonNode root, String pointer) {
    List<String> tokens = tokens(pointer);
    JsonNode node = root;
    String base = "";
    String operation = "";
    List<String> chain = new ArrayList<>();
    String keyword = null;
    int i = 0;
    if (tokens.size() >= 3 && tokens.get(0).equals("components")) {
      node = root.path("components").path(tokens.get(1)).path(tokens.get(2));
      base = tokens.get(2);
      i = 3;
    } else if (tokens.size() >= 2 && tokens.get(0).equals("paths")) {
      node = root.path("paths").path(tokens.get(1));
      base = tokens.get(1);
      i = 2;
      if (i == tokens.size()) {
        // A whole path: name its operations too.
        List<String> operations = new ArrayList<>();
        node.fields()
            .forEachRemaining(
                method -> {
                  if (METHODS.contains(method.getKey())) {
                    operations.add(method.getValue().path("operationId").asText(method.getKey()));
                  }
                });
        return base + " (" + String.join(", ", operations) + ")";
      }
      if (i < tokens.size() && METHODS.contains(tokens.get(i))) {
        node = node.path(tokens.get(i));
        operation = node.path("operationId").asText(tokens.get(i) + " " + tokens.get(1));
        base = operation;
        i++;
      }
    }
    boolean composing = false;
    for (; i < tokens.size() && keyword == null; i++) {
      if (node.has("$ref")) {
        String ref = node.path("$ref").asText();
        node = resolve(root, ref);
        if (ref.startsWith("#/components/schemas/") && !composing) {
          base = ref.substring(ref.lastIndexOf('/') + 1);
          chain.clear();
        }
      }
      composing = false;
      String token = tokens.get(i);
      switch (token) {
        case "properties" -> {
          if (i + 1 < tokens.size()) {
            String property = tokens.get(++i);
            chain.add(property);
            node = node.path("properties").path(property);
          } else {
            keyword = token;
          }
        }
        case "items" -> {
          if (chain.isEmpty()) {
            base = base + "[]";
          } else {
            chain.set(chain.size() - 1, chain.get(chain.size() - 1) + "[]");
          }
          node = node.path("items");
        }
        case "allOf", "anyOf", "oneOf" -> {
          if (i + 1 < tokens.size()) {
            node = node.path(token).path(Integer.parseInt(tokens.get(++i)));
            composing = true;
          } else {
            keyword = token;
          }
        }
        case "parameters" -> {
          if (i + 1 < tokens.size()) {
            JsonNode parameter = node.path("parameters").path(Integer.parseInt(tokens.get(++i)));
            if (parameter.has("$ref")) {
              parameter = resolve(root, parameter.path("$ref").asText());
            }
            base =
                (operation.isEmpty() ? "" : operation + " ")
                    + parameter.path("in").asText()
                    + " parameter "
                    + parameter.path("name").asText();
            chain.clear();
            node = parameter;
          } else {
            keyword = token;
          }
        }
        case "requestBody" -> {
          base = (operation.isEmpty() ? "" : operation + " ") + "request body";
          chain.clear();
          node = node.path("requestBody");
        }
        case "responses" -> {
          if (i + 1 < tokens.size()) {
            String status = tokens.get(++i);
            base = (operation.isEmpty() ? "" : operation + " ") + status + " response";
            chain.clear();
            node = node.path("responses").path(status);
          } else {
            keyword = token;
          }
        }
        case "content" -> {
          if (i + 1 < tokens.size()) {
            node = node.path("content").path(tokens.get(++i));
          }
        }
        case "schema" -> node = node.path("schema");
        case "headers" -> {
          if (i + 1 < tokens.size()) {
            String header = tokens.get(++i);
            chain.add("header " + header);
            node = node.path("headers").path(header);
          } else {
            keyword = token;
          }
        }
        default -> keyword = token;
      }
    }
    String path = chain.isEmpty() ? base : base + "." + String.join(".", chain);
    return keyword == null ? path : path + " (" + keyword + ")";
  }

  /** The elements of a document that hold a {@code default}, by JSON pointer. */
  static java.util.Map<String, JsonNode> defaults(JsonNode root) {
    java.util.Map<String, JsonNode> found = new java.util.TreeMap<>();
    collectDefaults(root, "#", found);
    return found;
  }

  private static void collectDefaults(
      JsonNode node, String pointer, java.util.Map<String, JsonNode> found) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().equals("default")) {
                  found.put(pointer, field.getValue());
                } else if (!field.getKey().equals("example")
                    && !field.getKey().equals("examples")) {
                  collectDefaults(field.getValue(), child, found);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDefaults(node.get(i), pointer + "/" + i, found);
      }
    }
  }

  private static JsonNode resolve(JsonNode root, String ref) {
    return ref.startsWith("#") ? root.at(ref.substring(1)) : root.path(ref);
  }

  /** The pointer's tokens, unescaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). */
  private static List<String> tokens(String pointer) {
    String body = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    List<String> tokens = new ArrayList<>();
    for (String token : body.split("/")) {
      if (!token.isEmpty()) {
        tokens.add(token.replace("~1", "/").replace("~0", "~"));
      }
    }
    return tokens;
  }
}
