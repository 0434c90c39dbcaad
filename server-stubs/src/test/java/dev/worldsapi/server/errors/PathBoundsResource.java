package dev.worldsapi.server.errors;

/**
 * An implementation without JAX-RS annotations, with a bounded path parameter and a public path.
 */
public class PathBoundsResource implements PathBoundsApi {

  @Override
  public String bounded(String jobId) {
    return "{}";
  }

  @Override
  public String open() {
    return "{}";
  }
}
