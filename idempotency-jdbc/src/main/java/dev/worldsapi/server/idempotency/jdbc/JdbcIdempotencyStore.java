package dev.worldsapi.server.idempotency.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.idempotency.IdempotencyStore;
import dev.worldsapi.server.json.ServerObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * An {@link IdempotencyStore} in a SQL table that every instance of a service shares, so that an
 * {@code Idempotency-Key} holds whichever instance a retry reaches: one request with a key runs,
 * the others get its answer again (or 409 while it runs, 422 with another body), as with {@link
 * dev.worldsapi.server.idempotency.InMemoryIdempotencyStore} in one process.
 *
 * <pre>{@code
 * JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(dataSource::getConnection).build();
 * store.createTableIfMissing(); // or run postgresql.sql from your migrations
 * new WorldsServerFeature(verifier, path -> false, store);
 * }</pre>
 *
 * <p>PostgreSQL 9.5 or later: a claim is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}
 * statement, which the database runs atomically, so two instances claiming one key at once get one
 * grant. The table ({@code worlds_idempotency_keys}; the DDL is the resource {@code
 * dev/worldsapi/server/idempotency/jdbc/postgresql.sql} next to this class) keeps a hash of the
 * caller and key, a hash of the request, and the first successful answer as JSON. Keys expire after
 * the retention (24 hours); expired rows are deleted at most once a minute, by a claim.
 *
 * <p>A request still running after the in-flight timeout (5 minutes) is taken to be lost with its
 * instance, and its key may be claimed again; that instance can then no longer complete it. Each
 * call takes a connection from the source and closes it, with auto-commit on.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

  /** Where the store gets a connection for each call, e.g. {@code dataSource::getConnection}. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection get() throws SQLException;
  }

  public static final String DEFAULT_TABLE = "worlds_idempotency_keys";
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  public static final Duration DEFAULT_IN_FLIGHT_TIMEOUT = Duration.ofMinutes(5);

  /** The DDL's resource, relative to this class. */
  public static final String POSTGRESQL_DDL = "postgresql.sql";

  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
  private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

  private final ConnectionSource connections;
  private final String table;
  private final Duration retention;
  private final Duration inFlightTimeout;
  private final Clock clock;
  private final ObjectMapper json;
  private final String claimSql;
  private final String readSql;
  private final String completeSql;
  private final String releaseSql;
  private final String purgeSql;

  /** The claims this instance was granted and has not yet completed or released, by key. */
  private final Map<String, String> granted = new ConcurrentHashMap<>();

  private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

  private JdbcIdempotencyStore(Builder builder) {
    this.connections = builder.connections;
    this.table = builder.table;
    this.retention = builder.retention;
    this.inFlightTimeout = builder.inFlightTimeout;
    this.clock = builder.clock;
    this.json = builder.json;
    this.claimSql =
        "INSERT INTO "
            + table
            + " AS k (key_hash, fingerprint, claim_id, claimed_at, expires_at, status, response)"
            + " VALUES (?, ?, ?, ?, ?, NULL, NULL)"
            + " ON CONFLICT (key_hash) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
            + " claim_id = EXCLUDED.claim_id, claimed_at = EXCLUDED.claimed_at,"
            + " expires_at = EXCLUDED.expires_at, status = NULL, response = NULL"
            + " WHERE k.expires_at <= EXCLUDED.claimed_at"
            + " OR (k.status IS NULL AND k.claimed_at <= ?)"
            + " RETURNING k.claim_id";
    this.readSql = "SELECT fingerprint, status, response FROM " + table + " WHERE key_hash = ?";
    this.completeSql =
        "UPDATE "
            + table
            + " SET status = ?, response = ? WHERE key_hash = ? AND claim_id = ? AND status IS NULL";
    this.releaseSql =
        "DELETE FROM " + table + " WHERE key_hash = ? AND claim_id = ? AND status IS NULL";
    this.purgeSql = "DELETE FROM " + table + " WHERE expires_at <= ?";
  }

  /**
   * A store taking its connections from {@code connections}, e.g. {@code
   * dataSource::getConnection}.
   */
  public static Builder builder(ConnectionSource connections) {
    return new Builder(connections);
  }

  /** The options of a {@link JdbcIdempotencyStore}; every one has a default. */
  public static final class Builder {
    private final ConnectionSource connections;
    private String table = DEFAULT_TABLE;
    private Duration retention = DEFAULT_RETENTION;
    private Duration inFlightTimeout = DEFAULT_IN_FLIGHT_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private ObjectMapper json = ServerObjectMapper.create();

    private Builder(ConnectionSource connections) {
      this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * The table's name, optionally with its schema (default {@value
     * JdbcIdempotencyStore#DEFAULT_TABLE}).
     */
    public Builder table(String table) {
      if (table == null || !TABLE_NAME.matcher(table).matches()) {
        throw new IllegalArgumentException(
            "table must be a plain SQL name, optionally schema-qualified, got \"" + table + "\"");
      }
      this.table = table;
      return this;
    }

    /** How long a key is kept (default 24 hours): a retry later than this runs again. */
    public Builder retention(Duration retention) {
      this.retention = positive("retention", retention);
      return this;
    }

    /**
     * How long a first request may run before its key is taken to be abandoned (default 5 minutes):
     * longer than any request the service answers.
     */
    public Builder inFlightTimeout(Duration inFlightTimeout) {
      this.inFlightTimeout = positive("inFlightTimeout", inFlightTimeout);
      return this;
    }

    /** The clock of claims and expiry (default UTC system time); instances' clocks should agree. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How answers are written to the table (default the runtime's {@link ServerObjectMapper}): the
     * mapper the service's JSON provider uses, so that a replay has the same bytes.
     */
    public Builder objectMapper(ObjectMapper json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    public JdbcIdempotencyStore build() {
      return new JdbcIdempotencyStore(this);
    }

    private static Duration positive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }

  /** Creates the table and its index unless they exist ({@link #POSTGRESQL_DDL}). */
  public void createTableIfMissing() {
    String simpleName = table.substring(table.lastIndexOf('.') + 1);
    String ddl =
        ddl()
            .replace(DEFAULT_TABLE + "_expires_at", simpleName + "_expires_at")
            .replace(" " + DEFAULT_TABLE + " ", " " + table + " ");
    try (Connection connection = connections.get();
        Statement statement = connection.createStatement()) {
      for (String sql : ddl.split(";")) {
        if (!sql.strip().isEmpty()) {
          statement.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw failure("creating the table " + table, e);
    }
  }

  /** The PostgreSQL DDL of the default table, as shipped in {@link #POSTGRESQL_DDL}. */
  public static String ddl() {
    try (InputStream in = JdbcIdempotencyStore.class.getResourceAsStream(POSTGRESQL_DDL)) {
      if (in == null) {
        throw new IllegalStateException(POSTGRESQL_DDL + " is missing from the jar");
      }
      StringBuilder sql = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int comment = line.indexOf("--");
        sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
      }
      return sql.toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + POSTGRESQL_DDL, e);
    }
  }

  @Override
  public Claim claim(String key, String fingerprint) {
    Instant now = now();
    purgeIfDue(now);
    String hash = sha256(key);
    // A key released by another instance between the insert and the read is claimed again.
    for (int attempt = 0; attempt < 3; attempt++) {
      String claimId = UUID.randomUUID().toString();
      try (Connection connection = connections.get()) {
        try (PreparedStatement insert = connection.prepareStatement(claimSql)) {
          insert.setString(1, hash);
          insert.setString(2, fingerprint);
          insert.setString(3, claimId);
          insert.setObject(4, utc(now));
          insert.setObject(5, utc(now.plus(retention)));
          insert.setObject(6, utc(now.minus(inFlightTimeout)));
          try (ResultSet rows = insert.executeQuery()) {
            if (rows.next()) {
              granted.put(key, claimId);
              return new Granted();
            }
          }
        }
        try (PreparedStatement read = connection.prepareStatement(readSql)) {
          read.setString(1, hash);
          try (ResultSet row = read.executeQuery()) {
            if (!row.next()) {
              continue;
            }
            if (!row.getString(1).equals(fingerprint)) {
              return new Mismatch();
            }
            int status = row.getInt(2);
            if (row.wasNull()) {
              return new InProgress();
            }
            return new Replay(status, json.readTree(row.getString(3)));
          }
        }
      } catch (SQLException e) {
        throw failure("claiming a key", e);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a kept answer in " + table + " is not JSON", e);
      }
    }
    throw new IllegalStateException(
        "a key in " + table + " was released three times while being claimed");
  }

  @Override
  public void complete(String key, int status, Object entity) {
    String claimId = granted.remove(key);
    if (claimId == null) {
      return;
    }
    String response;
    try {
      response = json.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      release(key, claimId);
      throw new IllegalStateException("the answer to keep cannot be written as JSON", e);
    }
    try (Connection connection = connections.get();
        PreparedStatement update = connection.prepareStatement(completeSql)) {
      update.setInt(1, status);
      update.setString(2, response);
      update.setString(3, sha256(key));
      update.setString(4, claimId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw failure("keeping an answer", e);
    }
  }

  @Override
  public void release(String key) {
    String claimId = granted.remove(key);
    if (claimId != null) {
      release(key, claimId);
    }
  }

  private void release(String key, String claimId) {
    try (Connection connection = connections.get();
        PreparedStatement delete = connection.prepareStatement(releaseSql)) {
      delete.setString(1, sha256(key));
      delete.setString(2, claimId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw failure("releasing a key", e);
    }
  }

  /** Deletes the keys that have expired; returns how many. Claims also do this once a minute. */
  public int purgeExpired() {
    try (Connection connection = connections.get();
        PreparedStatement delete = connection.prepareStatement(purgeSql)) {
      delete.setObject(1, utc(now()));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw failure("deleting expired keys", e);
    }
  }

  private void purgeIfDue(Instant now) {
    Instant due = nextPurge.get();
    if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
      purgeExpired();
    }
  }

  private Instant now() {
    // The database keeps microseconds.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "idempotency store (" + table + "): " + what + " failed: SQL state " + e.getSQLState(), e);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
