package dev.worldsapi.reference;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.errors.WorldsApiException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The organizations and workspaces the server knows, and who may use each. Thread-safe. */
public final class Workspaces {

  /** An organization slug and a workspace slug. */
  public record Key(String org, String workspace) {}

  private final Map<Key, Set<String>> members = new ConcurrentHashMap<>();

  /** Adds a workspace open to these caller ids. */
  public void add(String org, String workspace, Set<String> callerIds) {
    members.put(new Key(org, workspace), Set.copyOf(callerIds));
  }

  /** Forgets every workspace. */
  public void clear() {
    members.clear();
  }

  /** The workspaces and who may use each, as they are now. */
  public Map<Key, Set<String>> snapshot() {
    return Map.copyOf(members);
  }

  /** Only the workspaces of the snapshot, with their members then. */
  public void restore(Map<Key, Set<String>> snapshot) {
    members.clear();
    members.putAll(snapshot);
  }

  /**
   * The workspace, when it exists and the caller may use it.
   *
   * @throws WorldsApiException 404 for an unknown workspace, 403 for one the caller may not use
   */
  public Key require(String org, String workspace, Caller caller) {
    Key key = new Key(org, workspace);
    Set<String> allowed = members.get(key);
    if (allowed == null) {
      throw WorldsApiException.notFound("Workspace " + org + "/" + workspace + " not found");
    }
    if (!allowed.contains(caller.id())) {
      throw WorldsApiException.forbidden(
          "Access forbidden: you may not use workspace " + org + "/" + workspace);
    }
    return key;
  }
}
