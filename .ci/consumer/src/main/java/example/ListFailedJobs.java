package example;

import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.CreateWorldManifestRequest.PresetEnum;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;

/** The README's client example, compiled by CI against the deployed artifacts. */
public final class ListFailedJobs {

  public static void main(String[] args) {
    WorldsClient client = WorldsClient.builder()
        .baseUrl("http://localhost:8080")
        .tokenSupplier(() -> System.getenv("WORLDS_TOKEN"))
        .workspace("demo", "sandbox")
        .build();

    WorldJob job = client.manifests().create(CreateWorldManifestRequest.builder().preset(PresetEnum.SMALL).build());
    WorldJob done = client.jobs().waitFor(job.id());
    for (WorldJob failed : client.jobs().listAll(ListWorldJobsParams.builder().status(JobStatus.FAILED).build())) {
      System.out.println(failed.id() + ": " + failed.error().orElse("no error message"));
    }
    System.out.println(done.status());
  }
}
