package dev.billinggate.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the PostgreSQL store lives: {@code postgresql://USER@HOST[:PORT]/DATABASE[?PARAMS]}, as
 * {@code serve --store} takes it, plus the password, which never comes from the URL (a URL ends up
 * in shell history, {@code ps} output and logs). {@code PARAMS} go to pgJDBC as they are (e.g.
 * {@code sslmode=verify-full} for a managed database).
 */
public record PostgresTarget(String user, String host, int port, String database, String parameters,
    String password) {
  public static final int DEFAULT_PORT = 5432;

  /**
   * @throws IllegalArgumentException naming what is wrong with the URL; the message never repeats a
   *     password found in it
   */
  public static PostgresTarget parse(String url, String password) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: expected postgresql://USER@HOST:PORT/DATABASE");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new IllegalArgumentException("expected postgresql://USER@HOST:PORT/DATABASE");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      throw new IllegalArgumentException("the URL must not contain a password: give it in the environment"
          + " variable PGPASSWORD or with --store-password-file");
    }
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (String parameter : query.split("&")) {
      if (parameter.toLowerCase(Locale.ROOT).startsWith("password=")) {
        throw new IllegalArgumentException("the URL must not contain a password: give it in the environment"
            + " variable PGPASSWORD or with --store-password-file");
      }
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the URL names no host: postgresql://USER@HOST:PORT/DATABASE");
    }
    if (userInfo == null || userInfo.isEmpty()) {
      throw new IllegalArgumentException("the URL names no user: postgresql://USER@HOST:PORT/DATABASE");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw new IllegalArgumentException("the URL names no database: postgresql://USER@HOST:PORT/DATABASE");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return new PostgresTarget(uri.getUserInfo(), uri.getHost(), port, path.substring(1), query, password);
  }

  /** pgJDBC's URL, without user and password (those go as properties, never into a logged URL). */
  String jdbcUrl() {
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters);
  }

  /** The URL as {@code serve --store} takes it, for messages. */
  public String display() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return display();
  }
}
