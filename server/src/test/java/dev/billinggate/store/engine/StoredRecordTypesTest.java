package dev.billinggate.store.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.billinggate.costdata.AccountCosts;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.store.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table any service declares holds records that survive the JSON round trip a durable store
 * puts them through. A store that keeps nothing stores immutable copies instead ({@link RecordCopies}),
 * so its tests no longer try the round trip on every put: this test does it once per record type,
 * on a sample record with every component filled in.
 */
class StoredRecordTypesTest {
  private final RecordCodec codec = RecordCodec.SHARED;

  static Stream<Table<?>> tables() {
    List<Table<?>> tables = new ArrayList<>();
    for (var type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("dev.billinggate")) {
      for (JavaField field : type.getFields()) {
        if (field.getRawType().isEquivalentTo(Table.class) && field.getModifiers().contains(JavaModifier.STATIC)) {
          tables.add(read(field.reflect()));
        }
      }
    }
    return tables.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void sampleRecordsSurviveTheJsonRoundTripAndTheImmutableCopyAlike(Table<?> table) {
    Object sample = sample(table.type(), table.type(), new HashSet<>());
    String json = codec.encode(table.name(), "k", sample);
    Object decoded = codec.decode(table.name(), "k", json, table.type());

    assertThat(codec.encode(table.name(), "k", decoded)).isEqualTo(json);
    assertThat(RecordCopies.immutable(sample)).as("an immutable copy of " + table.type().getName())
        .hasValueSatisfying(copy -> assertThat(codec.encode(table.name(), "k", copy)).isEqualTo(json));
  }

  private static Table<?> read(Field field) {
    try {
      field.setAccessible(true);
      assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
      return (Table<?>) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A value of {@code type} with every record component set: one element per list, set and map. A
   * record type inside itself (a tree) is left out there: null, or an empty collection.
   */
  private static Object sample(Class<?> type, Type generic, Set<Class<?>> enclosing) {
    if (type == String.class) {
      return "text";
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type == int.class || type == Integer.class) {
      return 7;
    }
    if (type == long.class || type == Long.class) {
      return 7L;
    }
    if (type == double.class || type == Double.class) {
      return 1.5;
    }
    if (type == byte[].class) {
      return new byte[] {1, 2, 3};
    }
    if (type == float[].class) {
      return new float[] {1.5f, 2};
    }
    if (type == Instant.class) {
      return Instant.parse("2026-12-08T01:02:03.123456789Z");
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == List.class || type == Set.class || type == Map.class) {
      Type[] arguments = ((ParameterizedType) generic).getActualTypeArguments();
      Type elementType = arguments[arguments.length - 1];
      if (enclosing.contains(raw(elementType))) {
        return type == List.class ? List.of() : type == Set.class ? Set.of() : Map.of();
      }
      Object element = sample(raw(elementType), elementType, enclosing);
      return type == List.class ? List.of(element) : type == Set.class ? Set.of(element) : Map.of("key", element);
    }
    if (type == AccountCosts.class) {
      // Its arrays hold one value per line and day.
      CostLine line = (CostLine) sample(CostLine.class, CostLine.class, enclosing);
      return new AccountCosts("123456789012", List.of(line), 20_000, 2, new float[] {1.5f, 2}, new float[] {3, 4});
    }
    if (type.isRecord()) {
      if (enclosing.contains(type)) {
        return null;
      }
      enclosing.add(type);
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(components[i].getType(), components[i].getGenericType(), enclosing);
      }
      enclosing.remove(type);
      try {
        var constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot build a sample " + type.getName(), e);
      }
    }
    throw new AssertionError("no sample for " + type.getName() + ": teach this test the type");
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
  }
}
