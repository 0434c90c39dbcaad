package dev.worldsapi.server.idempotency.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL server the tests run against, named by {@code WORLDS_TEST_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD} ({@code eval "$(bash .ci/postgres)"} starts one and prints
 * them). Without them the tests are skipped on a workstation and fail in CI ({@code CI=true}).
 */
final class Postgres {

  private Postgres() {}

  private static final String HOW =
      "no PostgreSQL named: set WORLDS_TEST_POSTGRES_URL, WORLDS_TEST_POSTGRES_USER and"
          + " WORLDS_TEST_POSTGRES_PASSWORD, e.g. with eval \"$(bash .ci/postgres)\"";

  /**
   * Whether the tests of a class run, for {@code @EnabledIf}: when a server is named, and always in
   * CI (where its absence then fails them). A class that does not run says why on the console, and
   * its tests are reported as skipped rather than vanishing.
   */
  static boolean named() {
    if (url() != null || "true".equals(System.getenv("CI"))) {
      return true;
    }
    System.out.println("Skipped, " + HOW);
    return false;
  }

  static JdbcIdempotencyStore.ConnectionSource connections() {
    String url = url();
    if (url == null) {
      throw new IllegalStateException(HOW + "; CI runs these tests");
    }
    String user = System.getenv("WORLDS_TEST_POSTGRES_USER");
    String password = System.getenv("WORLDS_TEST_POSTGRES_PASSWORD");
    return () -> DriverManager.getConnection(url, user, password);
  }

  private static String url() {
    String url = System.getenv("WORLDS_TEST_POSTGRES_URL");
    return url == null || url.isBlank() ? null : url;
  }

  /** A table name no other test uses. */
  static String freshTable() {
    return "worlds_idempotency_test_" + UUID.randomUUID().toString().replace("-", "");
  }

  static void execute(String sql) {
    try (Connection connection = connections().get();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static long count(String table) {
    try (Connection connection = connections().get();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
