package dev.billinggate.store.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.billinggate.store.StoreException;

/** The one JSON form of stored records, shared by every backend so their files agree. */
final class RecordCodec {
  static final RecordCodec SHARED = new RecordCodec();

  private RecordCodec() {}

  /**
   * One mapper for every store in the process, built on first use: building it is a noticeable part of
   * start-up, and an in-memory server may not need it until long after its first answer.
   */
  private static final class Mapper {
    static final JsonMapper INSTANCE = build();

    private static JsonMapper build() {
      return JsonMapper.builder()
          .addModule(new JavaTimeModule())
          // ISO-8601 text keeps stored instants readable and exact to the nanosecond.
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // Lets a release remove a record field without a data migration, and lets an older
          // release read records a newer one wrote.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
    }
  }

  String encode(String table, String key, Object value) {
    try {
      return Mapper.INSTANCE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot store " + value.getClass().getName() + " at " + table + "/" + key, e);
    }
  }

  <V> V decode(String table, String key, String json, Class<V> type) {
    try {
      return Mapper.INSTANCE.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "unreadable record " + table + "/" + key + " as " + type.getName() + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  /**
   * Checks a record that is about to be stored as JSON text: a well-formed JSON object, and a valid
   * {@code type} when the table's record type is known.
   *
   * @throws IllegalArgumentException naming the table and key
   */
  void check(String table, String key, String json, Class<?> type) {
    try {
      if (type != null) {
        Mapper.INSTANCE.readValue(json, type);
      } else if (!Mapper.INSTANCE.readTree(json).isObject()) {
        throw new IllegalArgumentException("record " + table + "/" + key + " is not a JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid record " + table + "/" + key + ": " + e.getOriginalMessage(), e);
    }
  }
}
