package dev.worldsapi.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.WorldJob;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;

/**
 * The auto-pager's memory: walks listings of 1,000 and of 100,000 jobs, 100 a page, measuring the
 * heap in use after a full collection every 10 pages. A pager that holds what it has handed out
 * grows with the listing; one that does not stays flat. Prints {@code pager <jobs> <peak bytes>}.
 */
public final class PagerHeap {

  private static final int PAGE_SIZE = 100;

  private PagerHeap() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode template = (ObjectNode) mapper.readTree(Fixtures.listPage(1)).path("items").get(0);
    int[] totals = {1_000, 100_000};
    int total = Integer.parseInt(args.length > 0 ? args[0] : "0");
    if (total > 0) {
      totals = new int[] {total};
    }
    for (int jobs : totals) {
      System.out.println("pager " + jobs + " " + peakHeap(mapper, template, jobs));
    }
  }

  private static long peakHeap(ObjectMapper mapper, ObjectNode template, int total)
      throws Exception {
    try (CannedServer server =
        CannedServer.serving(0, query -> page(mapper, template, total, pageOf(query)))) {
      WorldsClient client =
          WorldsClient.builder()
              .baseUrl("http://127.0.0.1:" + server.port())
              .token(Fixtures.TOKEN)
              .workspace(Fixtures.ORG, Fixtures.WORKSPACE)
              .build();
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      memory.gc();
      long peak = memory.getHeapMemoryUsage().getUsed();
      int seen = 0;
      for (WorldJob job :
          client.jobs().listAll(ListWorldJobsParams.builder().pageSize(PAGE_SIZE).build())) {
        if (job.id().isEmpty()) {
          throw new IllegalStateException("a job with an empty id");
        }
        if (++seen % (PAGE_SIZE * 10) == 0) {
          memory.gc();
          peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
      }
      if (seen != total) {
        throw new IllegalStateException("listed " + seen + " of " + total + " jobs");
      }
      return peak;
    }
  }

  private static int pageOf(String query) {
    for (String parameter : query.split("&")) {
      if (parameter.startsWith("page=")) {
        return Integer.parseInt(parameter.substring(5));
      }
    }
    return 1;
  }

  private static byte[] page(ObjectMapper mapper, ObjectNode template, int total, int page) {
    ObjectNode body = mapper.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (int i = (page - 1) * PAGE_SIZE; i < Math.min(total, page * PAGE_SIZE); i++) {
      items.add(template.deepCopy().put("id", String.format("job-%09d", i)));
    }
    body.put("page", page).put("page_size", PAGE_SIZE).put("total", total);
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
