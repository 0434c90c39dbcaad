package dev.worldsapi.server.errors;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** Declared as the generated interfaces are: the annotations here, none on the implementation. */
@Path("/")
public interface PathBoundsApi {

  @GET
  @Path("bounds/{job_id}")
  @Produces("application/json")
  String bounded(@PathParam("job_id") @Size(max = 3) String jobId);

  @GET
  @Path("public")
  @Produces("application/json")
  String open();
}
