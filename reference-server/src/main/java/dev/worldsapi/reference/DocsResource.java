package dev.worldsapi.reference;

import dev.worldsapi.server.errors.WorldsApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * Interactive API docs at {@code /docs}: Swagger UI from its webjar (no network needed), on this
 * server's {@code /openapi.yaml}, able to call this server. Public; {@code /} leads here.
 */
@Path("")
public final class DocsResource {

  private static final String WEBJAR =
      "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
  private static final Map<String, String> TYPES =
      Map.of(
          "swagger-ui.css", "text/css",
          "swagger-ui-bundle.js", "text/javascript",
          "swagger-ui-standalone-preset.js", "text/javascript",
          "favicon-32x32.png", "image/png");
  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="UTF-8">
        <title>Worlds jobs API: reference server</title>
        <link rel="stylesheet" href="/docs/swagger-ui.css">
        <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/docs/swagger-ui-bundle.js"></script>
        <script src="/docs/swagger-ui-standalone-preset.js"></script>
        <script>
          window.ui = SwaggerUIBundle({
            url: "/openapi.yaml",
            dom_id: "#swagger-ui",
            deepLinking: true,
            persistAuthorization: true,
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            layout: "StandaloneLayout"
          });
        </script>
      </body>
      </html>
      """;

  @GET
  public Response root() {
    return Response.seeOther(URI.create("/docs")).build();
  }

  @GET
  @Path("docs")
  public Response page() {
    return Response.ok(PAGE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
  }

  @GET
  @Path("docs/{file}")
  public Response asset(@PathParam("file") String file) {
    String type = TYPES.get(file);
    InputStream in =
        type == null
            ? null
            : DocsResource.class.getClassLoader().getResourceAsStream(WEBJAR + file);
    if (in == null) {
      throw WorldsApiException.notFound("Not found");
    }
    try (in) {
      return Response.ok(in.readAllBytes(), type).header("Cache-Control", "max-age=3600").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = DocsResource.class.getResourceAsStream("reference-server.properties")) {
      properties.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("reference-server.properties is missing from the jar", e);
    }
    return properties.getProperty("swagger-ui.version");
  }
}
