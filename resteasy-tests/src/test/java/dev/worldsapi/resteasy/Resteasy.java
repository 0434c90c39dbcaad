package dev.worldsapi.resteasy;

import dev.worldsapi.server.validation.MalformedMediaTypeServletFilter;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/** RESTEasy on Undertow serving components given as instances: the two hosts' shared part. */
final class Resteasy {

  private Resteasy() {}

  /** A started server and the port it listens on. */
  record Started(UndertowJaxrsServer server, int port) {}

  static Started serve(String host, int port, List<Object> components) {
    int listening = port == 0 ? freePort(host) : port;
    UndertowJaxrsServer server =
        new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(listening, host));
    ResteasyDeployment deployment = new ResteasyDeploymentImpl();
    deployment.setApplication(
        new Application() {
          @Override
          public Set<Object> getSingletons() {
            return new LinkedHashSet<>(components);
          }
        });
    DeploymentInfo servlets =
        server
            .undertowDeployment(deployment, "/")
            .setClassLoader(Resteasy.class.getClassLoader())
            .setContextPath("/")
            .setDeploymentName("worlds")
            // RESTEasy parses Content-Type and Accept before any Jakarta REST filter: see the
            // filter.
            .addFilter(
                Servlets.filter("malformed-media-types", MalformedMediaTypeServletFilter.class))
            .addFilterUrlMapping("malformed-media-types", "/*", DispatcherType.REQUEST);
    server.deploy(servlets);
    return new Started(server, listening);
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
