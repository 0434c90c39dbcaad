package dev.worldsapi.server.idempotency.jdbc;

import dev.worldsapi.server.idempotency.IdempotencyStore;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
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
import java.util.Objects;
import java.util.UUID;
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
 * the retention (24 hours); expired rows are deleted at most once a minute (the purge interval), by
 * a claim.
 *
 * <p>A request still running after the in-flight timeout (5 minutes) is taken to be lost with its
 * instance, and its key may be claimed again, on any instance, this one included. Each grant names
 * its claim ({@link Granted#claimId()}), and only that claim completes or releases the row: the
 * lost request's late answer or failure changes nothing. Completing or releasing retries a failing
 * database for a while (the completion timeout, 10 seconds) before giving up.
 *
 * <p>Each call takes a connection from the source and closes it, with auto-commit on: give it a
 * pooled {@code DataSource}, or every keyed request opens two connections to the database.
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
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_COMPLETION_TIMEOUT = Duration.ofSeconds(10);

  /** The DDL's resource, relative to this class. */
  public static final String POSTGRESQL_DDL = "postgresql.sql";

  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
  private static final System.Logger LOG = System.getLogger(JdbcIdempotencyStore.class.getName());

  private final ConnectionSource connections;
  private final String table;
  private final Duration retention;
  private final Duration inFlightTimeout;
  private final Duration purgeInterval;
  private final Duration completionTimeout;
  private final Clock clock;
  private final String claimSql;
  private final String readSql;
  private final String completeSql;
  private final String releaseSql;
  private final String purgeSql;

  private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

  private JdbcIdempotencyStore(Builder builder) {
    this.connections = builder.connections;
    this.table = builder.table;
    this.retention = builder.retention;
    this.inFlightTimeout = builder.inFlightTimeout;
    this.purgeInterval = builder.purgeInterval;
    this.completionTimeout = builder.completionTimeout;
    this.clock = builder.clock;
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
    private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
    private Duration completionTimeout = DEFAULT_COMPLETION_TIMEOUT;
    private Clock clock = Clock.systemUTC();

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
     * How often a claim also deletes the expired keys (default every minute); {@link
     * #purgeExpired()} does it on demand.
     */
    public Builder purgeInterval(Duration purgeInterval) {
      this.purgeInterval = positive("purgeInterval", purgeInterval);
      return this;
    }

    /**
     * How long completing or releasing a claim retries a failing database (default 10 seconds)
     * before it gives up: the caller waits that long at most for its answer, which it then gets;
     * the key stays claimed until the in-flight timeout.
     */
    public Builder completionTimeout(Duration completionTimeout) {
      this.completionTimeout = positive("completionTimeout", completionTimeout);
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

  /**
   * Creates the table and its index unless they exist ({@link #POSTGRESQL_DDL}). Safe from any
   * number of instances at once: the DDL runs in a transaction that first takes an advisory lock
   * named after the table, so one instance creates and the others, waiting, find it there.
   * (PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} alone is not: two at once can both decide to
   * create, and one fails on the catalog's unique index.)
   */
  public void createTableIfMissing() {
    String simpleName = table.substring(table.lastIndexOf('.') + 1);
    String ddl =
        ddl()
            .replace(DEFAULT_TABLE + "_expires_at", simpleName + "_expires_at")
            .replace(" " + DEFAULT_TABLE + " ", " " + table + " ");
    try (Connection connection = connections.get()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)");
          Statement statement = connection.createStatement()) {
        lock.setLong(1, lockKey(table));
        lock.execute();
        for (String sql : ddl.split(";")) {
          if (!sql.strip().isEmpty()) {
            statement.execute(sql);
          }
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure("creating the table " + table, e);
    }
  }

  /** The advisory lock of a table's DDL: the first 8 bytes of SHA-256 of its name. */
  private static long lockKey(String table) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("worlds-api idempotency " + table).getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < 8; i++) {
        key = (key << 8) | (hash[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
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
    String hash = IdempotencyStore.keyHash(key);
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
              return new Granted(key, claimId);
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
            return new Replay(status, row.getString(3).getBytes(StandardCharsets.UTF_8));
          }
        }
      } catch (SQLException e) {
        throw failure("claiming a key", e);
      }
    }
    throw new IllegalStateException(
        "a key in " + table + " was released three times while being claimed");
  }

  @Override
  public boolean complete(Granted grant, int status, byte[] json) {
    String response = new String(json, StandardCharsets.UTF_8);
    return write(
        "keeping the answer of " + grant,
        completeSql,
        update -> {
          update.setInt(1, status);
          update.setString(2, response);
          update.setString(3, grant.keyHash());
          update.setString(4, grant.claimId());
        });
  }

  @Override
  public boolean release(Granted grant) {
    return write(
        "releasing " + grant,
        releaseSql,
        delete -> {
          delete.setString(1, grant.keyHash());
          delete.setString(2, grant.claimId());
        });
  }

  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs one update of a claim's row, retrying a failing database with backoff for the completion
   * timeout; answers whether it changed the row (the claim was current).
   */
  private boolean write(String what, String sql, Parameters parameters) {
    long deadline = System.nanoTime() + completionTimeout.toNanos();
    long backoffMillis = 50;
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = connections.get();
          PreparedStatement statement = connection.prepareStatement(sql)) {
        parameters.set(statement);
        return statement.executeUpdate() == 1;
      } catch (SQLException e) {
        long left = deadline - System.nanoTime();
        if (!retryable(e)) {
          throw failure(what, e);
        }
        if (left <= 0) {
          throw failure(what + " after " + attempt + " attempts in " + completionTimeout, e);
        }
        LOG.log(
            Level.WARNING,
            "idempotency store ({0}): {1} failed (attempt {2}, SQL state {3}); trying again",
            table,
            what,
            attempt,
            e.getSQLState());
        try {
          Thread.sleep(Math.min(backoffMillis, Math.max(1, left / 1_000_000)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw failure(what + " (interrupted)", e);
        }
        backoffMillis = Math.min(backoffMillis * 2, 1_000);
      }
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

  /**
   * Whether a failure may pass if tried again: the database unreachable or restarting (SQL state
   * classes 08, 57), short of resources (53), a transaction rolled back by the database (40), or
   * what the driver itself calls transient or recoverable. A missing table or a bad statement is
   * not retried.
   */
  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return e instanceof java.sql.SQLTransientException
        || e instanceof java.sql.SQLRecoverableException
        || (state != null
            && (state.startsWith("08")
                || state.startsWith("57")
                || state.startsWith("53")
                || state.startsWith("40")));
  }

  private void purgeIfDue(Instant now) {
    Instant due = nextPurge.get();
    if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(purgeInterval))) {
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
}
