package dev.worldsapi.contract.readme;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README's code blocks, read as a reader reads them, and checked as code: every {@code xml}
 * block parses (as the content of one element: a fragment of a POM), and every {@code java} block
 * compiles against the published artifacts.
 *
 * <p>A {@code java} block compiles as written. One that declares a type (a test class, say) is a
 * compilation unit; one of statements is the body of a method, its {@code import} lines at the top
 * of the file. A block that continues an earlier one (using its {@code client}, say) names the
 * context it continues in an HTML comment on the line before it, {@code <!-- java: NAME -->}: the
 * file {@code readme/NAME.java.txt} on the test classpath, a compilation unit whose {@code
 * //IMPORTS}, {@code //TYPES} and {@code //STATEMENTS} lines take the block's imports, its type
 * declarations and its statements. A context declares only what the reader has already been shown
 * (the client built in "The client", the service of "Implementing the API").
 */
public final class ReadmeSnippets {

  /** A fenced block: where it starts, its language, the context it names, and its code. */
  public record Block(int line, String language, String context, String code) {
    @Override
    public String toString() {
      return "README.md:" + line + " (" + language + (context == null ? "" : ", " + context) + ")";
    }
  }

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
  private static final Pattern CONTEXT = Pattern.compile("^\\s*<!-- java: (\\S+) -->\\s*$");
  private static final Pattern TYPE =
      Pattern.compile(
          "^(@\\w+.*\\n)*(public |final |abstract |static )*(class|interface|record|enum) (\\w+)",
          Pattern.MULTILINE);

  private ReadmeSnippets() {}

  /** The README of this repository, found from the module's directory. */
  public static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path readme = dir.resolve("README.md");
      if (Files.isRegularFile(readme) && Files.isDirectory(dir.resolve("api-spec"))) {
        return readme;
      }
    }
    throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
  }

  /** Every fenced block of {@code markdown} in {@code languages}, indented ones included. */
  public static List<Block> blocks(Path markdown, String... languages) {
    List<String> lines;
    try {
      lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> wanted = List.of(languages);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      int start = i;
      StringBuilder code = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        String line = lines.get(i);
        code.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
            .append('\n');
      }
      if (!wanted.contains(open.group(2))) {
        continue;
      }
      String context = null;
      for (int j = start - 1; j >= 0 && context == null; j--) {
        if (!lines.get(j).isBlank()) {
          Matcher named = CONTEXT.matcher(lines.get(j));
          context = named.matches() ? named.group(1) : "";
        }
      }
      blocks.add(
          new Block(start + 1, open.group(2), context.isEmpty() ? null : context, code.toString()));
    }
    return blocks;
  }

  /** Whether a block imports RESTEasy or Undertow: it compiles where Jersey is not. */
  public static boolean needsResteasy(Block block) {
    return block.code().contains("import org.jboss.resteasy")
        || block.code().contains("import io.undertow");
  }

  private static final Pattern XML_MARKUP =
      Pattern.compile(
          "<!--.*?-->|<\\?.*?\\?>|<(/?)([A-Za-z_][\\w.:-]*)[^<>]*?(/?)>|<|>", Pattern.DOTALL);

  /**
   * Checks that an {@code xml} block is well-formed as the content of one element: every tag closed
   * in order, no stray angle bracket. Throws an {@link AssertionError} naming the block.
   */
  public static void parseXml(Block block) {
    Deque<String> open = new ArrayDeque<>();
    Matcher markup = XML_MARKUP.matcher(block.code());
    while (markup.find()) {
      String token = markup.group();
      if (token.startsWith("<!--") || token.startsWith("<?")) {
        continue;
      }
      if (markup.group(2) == null) {
        throw new AssertionError(block + " is not well-formed XML: a stray '" + token + "'");
      }
      String name = markup.group(2);
      if (!markup.group(3).isEmpty()) {
        continue; // <empty/>
      }
      if (markup.group(1).isEmpty()) {
        open.push(name);
      } else if (!name.equals(open.peek())) {
        throw new AssertionError(
            block
                + " is not well-formed XML: </"
                + name
                + "> closes "
                + (open.isEmpty() ? "nothing" : "<" + open.peek() + ">"));
      } else {
        open.pop();
      }
    }
    if (!open.isEmpty()) {
      throw new AssertionError(
          block + " is not well-formed XML: <" + open.peek() + "> is not closed");
    }
  }

  /**
   * The Java source a block compiles as: its package ({@code readme.lineN}), its name (of the
   * public type, if any) and its text, which starts with its package declaration.
   */
  public record Source(String pkg, String name, String text) {}

  /** The compilation unit {@code block} is, in its context if it names one. */
  public static Source source(Block block) {
    List<String> imports = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    split(block.code(), imports, types, statements);
    String pkg = "readme.line" + block.line();
    String header = "package " + pkg + ";\n\n";
    if (block.context() == null) {
      if (statements.stream().allMatch(String::isBlank)) {
        String unit = block.code().replaceFirst("(?m)^package [\\w.]+;\n", "");
        return new Source(pkg, publicType(unit, "Snippet"), header + unit);
      }
      String text =
          String.join("\n", imports)
              + "\n\nclass Snippet {\n  void run() throws Exception {\n"
              + String.join("\n", statements)
              + "\n  }\n}\n"
              + String.join("\n", types);
      return new Source(pkg, publicType(String.join("\n", types), "Snippet"), header + text);
    }
    String template = context(block.context());
    String text =
        template
            .replace("//IMPORTS", String.join("\n", imports))
            .replace("//TYPES", String.join("\n", types))
            .replace("//STATEMENTS", String.join("\n", statements));
    return new Source(pkg, publicType(text, "Snippet"), header + text);
  }

  /**
   * Compiles {@code sources} with the JDK's {@code javac} against this JVM's test class path into
   * {@code dir}/classes, each in a package of its own ({@code readme.lineN}, after the README line
   * its block starts on); fails with the compiler's messages and each source, lines numbered.
   */
  public static void compile(List<Source> sources, Path dir) {
    try {
      Path src = dir.resolve("src");
      Path classes = dir.resolve("classes");
      Files.createDirectories(classes);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
      command.addAll(
          List.of("-classpath", classPath(), "-d", classes.toString(), "-proc:none", "-nowarn"));
      command.addAll(List.of("-encoding", "UTF-8"));
      for (Source source : sources) {
        Path file = src.resolve(source.pkg().replace('.', '/')).resolve(source.name() + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.text(), StandardCharsets.UTF_8);
        command.add(file.toString());
      }
      Path log = dir.resolve("javac.log");
      Process javac =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!javac.waitFor(5, TimeUnit.MINUTES)) {
        javac.destroyForcibly();
        throw new AssertionError("javac did not finish within 5 minutes");
      }
      if (javac.exitValue() != 0) {
        String messages = Files.readString(log, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(messages);
        for (Source source : sources) {
          if (!messages.contains("/" + source.pkg().replace('.', '/') + "/")) {
            continue; // only the sources javac has something to say about
          }
          text.append("\n--- ").append(source.pkg()).append('.').append(source.name()).append('\n');
          String[] lines = source.text().split("\n", -1);
          for (int i = 0; i < lines.length; i++) {
            text.append(String.format("%4d  %s%n", i + 1, lines[i]));
          }
        }
        throw new AssertionError(text.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sorts a block's lines: imports; top-level type declarations; the rest. */
  private static void split(
      String code, List<String> imports, List<String> types, List<String> statements) {
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("import ") || line.startsWith("package ")) {
        if (line.startsWith("import ")) {
          imports.add(line);
        }
        continue;
      }
      if (startsType(lines, i)) {
        // Annotations, the declaration, and everything to its closing brace at column 0.
        for (; i < lines.length; i++) {
          types.add(lines[i]);
          if (lines[i].equals("}")) {
            break;
          }
        }
        continue;
      }
      statements.add(line);
    }
  }

  private static boolean startsType(String[] lines, int i) {
    int j = i;
    while (j < lines.length && lines[j].startsWith("@")) {
      j++;
    }
    return j < lines.length
        && lines[j].matches("(public |final |abstract |static )*(class|interface|record|enum) .*");
  }

  private static String publicType(String text, String otherwise) {
    Matcher type = TYPE.matcher(text);
    while (type.find()) {
      if (type.group(0).contains("public ")) {
        return type.group(4);
      }
    }
    return otherwise;
  }

  private static String context(String name) {
    String resource = "readme/" + name + ".java.txt";
    try (InputStream in = ReadmeSnippets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError(
            "a README block names the context " + name + ", but there is no " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classPathEntry(Path base, String entry) {
    URI uri = URI.create(entry);
    return (uri.isAbsolute() ? Path.of(uri) : base.resolve(uri.getPath())).toString();
  }

  /**
   * The test class path: surefire's and failsafe's forks put it in a manifest-only jar, whose
   * {@code Class-Path} lists the entries.
   */
  static String classPath() {
    String path = System.getProperty("java.class.path");
    List<String> entries = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      entries.add(entry);
      if (entry.endsWith(".jar") && new File(entry).getName().startsWith("surefire")) {
        try (JarFile jar = new JarFile(entry)) {
          String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
          if (classPath != null) {
            Stream.of(classPath.split(" "))
                .filter(s -> !s.isBlank())
                .map(s -> classPathEntry(new File(entry).getParentFile().toPath(), s))
                .forEach(entries::add);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
