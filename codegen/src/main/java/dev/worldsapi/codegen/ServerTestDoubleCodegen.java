package dev.worldsapi.codegen;

/**
 * For each generated JAX-RS interface ({@code WorldsJobsApi}), an abstract class implementing it
 * whose every method fails with a sentence naming the operation ({@code WorldsJobsApiTestDouble}):
 * a test double extends it and overrides what its test calls, so an operation added to the spec
 * costs a test double nothing, and a call it did not expect says so.
 */
public class ServerTestDoubleCodegen extends WorldsCodegen {

  public ServerTestDoubleCodegen() {
    apiTemplateFiles.put("testDouble.mustache", "TestDouble.java");
  }

  @Override
  public String getName() {
    return "worlds-server-test-double";
  }

  @Override
  public String getHelp() {
    return "A base class for test doubles of the generated JAX-RS interfaces.";
  }

  /** {@code WorldsJobsApi} for the tag {@code Worlds jobs}, as the JAX-RS generator names it. */
  @Override
  public String toApiName(String name) {
    return feignApiName(name);
  }
}
