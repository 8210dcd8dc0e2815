package dev.billinggate.store.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies of stored records that nobody can change afterwards: lists, sets and maps become
 * unmodifiable copies, arrays of primitives are cloned, nested records are copied the same way, and
 * immutable values (text, numbers, enums, {@code java.time} values) are kept. A store that keeps
 * nothing on disk stores these copies instead of encoding each record to JSON and decoding it back,
 * which costs a write several times more and guards against the same thing: a caller changing a
 * list it put into a record after the record was stored.
 */
final class RecordCopies {
  /** How to rebuild one record type: its component accessors and types, and canonical constructor. */
  private record Shape(MethodHandle[] accessors, Class<?>[] types, MethodHandle constructor) {}

  private static final Map<Class<?>, Optional<Shape>> SHAPES = new ConcurrentHashMap<>();

  private RecordCopies() {}

  /**
   * A copy of {@code value} nobody can change, or empty when it holds a type this class does not
   * know to be immutable (the caller then falls back to the JSON round trip).
   */
  static Optional<Object> immutable(Object value) {
    try {
      return Optional.of(copy(value));
    } catch (UnknownType e) {
      return Optional.empty();
    }
  }

  private static Object copy(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Character
        || value instanceof Enum<?> || value instanceof UUID || isImmutableNumberOrTime(value)) {
      return value;
    }
    if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
      return cloneArray(value);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(element -> out.add(copy(element)));
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Set<?> set) {
      Set<Object> out = new LinkedHashSet<>();
      set.forEach(element -> out.add(copy(element)));
      return Collections.unmodifiableSet(out);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(copy(k), copy(v)));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof Record record) {
      return copyRecord(record);
    }
    throw new UnknownType();
  }

  private static Object cloneArray(Object array) {
    int length = Array.getLength(array);
    Object copy = Array.newInstance(array.getClass().getComponentType(), length);
    System.arraycopy(array, 0, copy, 0, length);
    return copy;
  }

  /** Boxed numbers, {@code BigDecimal}/{@code BigInteger} and every {@code java.time} value. */
  private static boolean isImmutableNumberOrTime(Object value) {
    String pkg = value.getClass().getPackageName();
    return value instanceof Number ? pkg.equals("java.lang") || pkg.equals("java.math") : pkg.equals("java.time");
  }

  private static Object copyRecord(Record record) {
    Shape shape = SHAPES.computeIfAbsent(record.getClass(), RecordCopies::shape).orElseThrow(UnknownType::new);
    Object[] components = new Object[shape.accessors().length];
    try {
      for (int i = 0; i < components.length; i++) {
        components[i] = copy((Object) shape.accessors()[i].invokeExact((Object) record));
        Class<?> declared = shape.types()[i];
        if (components[i] != null && !declared.isPrimitive() && !declared.isInstance(components[i])) {
          throw new UnknownType(); // e.g. a TreeMap component: the copy is a plain unmodifiable map
        }
      }
      return (Object) shape.constructor().invokeExact(components);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
    }
  }

  private static Optional<Shape> shape(Class<?> type) {
    try {
      RecordComponent[] components = type.getRecordComponents();
      MethodHandle[] accessors = new MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      for (int i = 0; i < components.length; i++) {
        components[i].getAccessor().setAccessible(true);
        accessors[i] = lookup.unreflect(components[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
        types[i] = components[i].getType();
      }
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      MethodHandle canonical = lookup.unreflectConstructor(constructor)
          .asSpreader(Object[].class, components.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return Optional.of(new Shape(accessors, types, canonical));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A value of a type not known to be immutable: the record is stored through JSON instead. */
  private static final class UnknownType extends RuntimeException {
    UnknownType() {
      super(null, null, false, false);
    }
  }
}
