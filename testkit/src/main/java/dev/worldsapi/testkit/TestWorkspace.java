package dev.worldsapi.testkit;

/**
 * A workspace of the test server, by organization and workspace slug; {@link #callerMayUse()} says
 * whether the injected client's token opens it (otherwise its requests answer 403).
 */
public record TestWorkspace(String org, String workspace, boolean callerMayUse) {}
