package dev.billinggate.store.engine;

import dev.billinggate.store.SnapshotContent;
import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.Snapshots;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Snapshots of a {@link MemoryEngine}: each one an {@link Image} in memory (loaded from the
 * backend on first use after a restart) and, on a durable backend, a copy in its {@link
 * SnapshotSink}. Every operation runs as the engine's single writer, so it sees one commit point
 * and no write interleaves with a restore.
 *
 * <p>A {@linkplain SnapshotSink#shared() shared} sink's snapshots change under other processes too:
 * the sink is then asked for the list on every call and images are loaded when used, never kept.
 */
final class EngineSnapshots implements Snapshots {
  /** {@code image} is null until the snapshot is first used after the backend listed it. */
  private record Saved(SnapshotInfo info, Image image) {}

  private final MemoryEngine engine;
  private final SnapshotSink sink;
  private final Map<String, Saved> saved = new ConcurrentHashMap<>();

  EngineSnapshots(MemoryEngine engine, SnapshotSink sink) {
    this.engine = engine;
    this.sink = sink;
    if (!sink.shared()) {
      sink.list().forEach(info -> saved.put(info.name(), new Saved(info, null)));
    }
  }

  private Map<String, Saved> saved() {
    if (!sink.shared()) {
      return saved;
    }
    Map<String, Saved> listed = new HashMap<>();
    sink.list().forEach(info -> listed.put(info.name(), new Saved(info, null)));
    return listed;
  }

  private void keep(SnapshotInfo info, Image image) {
    if (!sink.shared()) {
      saved.put(info.name(), new Saved(info, image));
    }
  }

  @Override
  public SnapshotInfo save(String name, Instant createdAt) {
    checkName(name);
    return engine.exclusively(() -> {
      Image image = engine.tables().capture();
      sink.save(name, createdAt, image.records());
      SnapshotInfo info = new SnapshotInfo(name, createdAt, image.records());
      keep(info, image);
      return info;
    });
  }

  @Override
  public boolean restore(String name) {
    return engine.exclusively(() -> {
      Saved found = saved().get(name);
      if (found == null) {
        return false;
      }
      Image image = image(found);
      sink.restore(name);
      engine.install(image);
      return true;
    });
  }

  @Override
  public List<SnapshotInfo> list() {
    return saved().values().stream().map(Saved::info).sorted(Comparator.comparing(SnapshotInfo::name)).toList();
  }

  @Override
  public boolean delete(String name) {
    return engine.exclusively(() -> {
      if (!saved().containsKey(name)) {
        return false;
      }
      sink.delete(name);
      saved.remove(name);
      return true;
    });
  }

  @Override
  public Optional<SnapshotContent> content(String name) {
    return engine.exclusively(() -> {
      Saved found = saved().get(name);
      if (found == null) {
        return Optional.empty();
      }
      Tables tables = engine.tables();
      SortedMap<String, SortedMap<String, String>> rows = new TreeMap<>();
      image(found).tables().forEach((table, byKey) -> {
        SortedMap<String, String> json = new TreeMap<>();
        byKey.forEach((key, row) -> json.put(key, tables.json(table, key, row)));
        rows.put(table, json);
      });
      return Optional.of(new SnapshotContent(found.info().createdAt(), rows));
    });
  }

  @Override
  public SnapshotInfo put(String name, SnapshotContent content) {
    checkName(name);
    return engine.exclusively(() -> {
      Tables tables = engine.tables();
      content.tables().forEach((table, byKey) -> {
        Class<?> type = tables.boundType(table);
        byKey.forEach((key, json) -> {
          if (key.isEmpty()) {
            throw new IllegalArgumentException("empty key in table " + table);
          }
          tables.codec().check(table, key, json, type);
        });
      });
      sink.put(name, content.createdAt(), content.tables());
      SnapshotInfo info = new SnapshotInfo(name, content.createdAt(), content.records());
      keep(info, Image.encoded(content.tables()));
      return info;
    });
  }

  private Image image(Saved found) {
    if (found.image() != null) {
      return found.image();
    }
    Image image = Image.encoded(sink.load(found.info().name()));
    keep(found.info(), image);
    return image;
  }

  private static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("empty snapshot name");
    }
  }
}
