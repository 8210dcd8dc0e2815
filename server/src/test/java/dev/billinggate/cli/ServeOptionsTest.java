package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link ServeOptions#plain} reads what picocli reads, or leaves the arguments to picocli. */
class ServeOptionsTest {
  /** Every field ServeCommand's options set (its fields but the constants). */
  private static final List<Field> FIELDS = Arrays.stream(ServeCommand.class.getDeclaredFields())
      .filter(field -> !Modifier.isStatic(field.getModifiers())).toList();

  @Property(tries = 1000)
  void plainArgumentsAreReadWithoutPicocliAndAsPicocliReadsThem(@ForAll("plain") List<String> args) {
    Optional<ServeCommand> fast = ServeOptions.plain(args.toArray(String[]::new));

    assertThat(fast).as("%s", args).isPresent();
    assertThat(values(fast.get())).as("%s", args).isEqualTo(values(picocli(args)));
  }

  @Property(tries = 3000)
  void whateverIsReadWithoutPicocliPicocliReadsTheSame(@ForAll("anything") List<String> args) {
    ServeOptions.plain(args.toArray(String[]::new)).ifPresent(fast ->
        assertThat(values(fast)).as("%s", args).isEqualTo(values(picocli(args))));
  }

  @Test
  void helpVersionAndMistakesAreLeftToPicocli() {
    String[][] cases = {
        {"--help"}, {"-h"}, {"--version"}, {"--port"}, {"--port", "--in-memory"}, {"--port", "-1"}, {"--port", "1e3"},
        {"--port", "0", "--port", "1"}, {"--in-memory", "--in-memory"}, {"--in-memory=false"}, {"--prot", "0"},
        {"--host="}, {"extra"}, {"--", "--in-memory"}, {"--billing-access-default", "SOMETIMES"},
    };
    for (String[] args : cases) {
      assertThat(ServeOptions.plain(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void everyFieldIsAnOptionAndEveryOptionAField() {
    assertThat(ServeOptions.ALL).hasSameSizeAs(FIELDS);
    for (ServeOptions.Entry<?> entry : ServeOptions.ALL) {
      ServeCommand command = picocli(entry.isFlag() ? List.of(entry.name()) : List.of(entry.name(), sample(entry)));
      assertThat(values(command)).as(entry.name()).isNotEqualTo(values(picocli(List.of())));
    }
  }

  @Test
  void helpListsEveryOption() {
    String help = Main.forArguments("serve").getSubcommands().get("serve").getUsageMessage().replaceAll("\\s+", " ");
    ServeOptions.ALL.forEach(entry -> assertThat(help).contains(entry.name()));
    assertThat(help).contains("--port=PORT Port to listen on, 0 for any free port (default: 4566).")
        .contains("--in-memory Keep nothing on disk; state is lost on exit.");
  }

  @Test
  void noArgumentsGiveEveryDefault() {
    assertThat(values(ServeOptions.plain().orElseThrow())).isEqualTo(values(picocli(List.of())));
  }

  @Provide
  Arbitrary<List<String>> plain() {
    Arbitrary<List<List<String>>> options = Arbitraries.subsetOf(ServeOptions.ALL).flatMap(chosen -> {
      List<Arbitrary<List<String>>> each = chosen.stream().map(ServeOptionsTest::given).toList();
      return Combinators.combine(each).as(ArrayList::new);
    });
    return options.flatMap(list -> Arbitraries.shuffle(list)).map(list -> {
      List<String> args = new ArrayList<>();
      list.forEach(args::addAll);
      return args;
    });
  }

  @Provide
  Arbitrary<List<String>> anything() {
    List<String> names = ServeOptions.ALL.stream().map(ServeOptions.Entry::name).toList();
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of(names),
        Arbitraries.of(names).map(name -> name + "="),
        Arbitraries.of("-h", "--help", "-V", "--version", "--", "-", "0", "-1", "007", "1.5", "0x10", "1e3",
            "true", "false", "on", "OFF", "documented_allow", "Linked_Account_Access", "", " ", "dir/x", "127.0.0.1"),
        Arbitraries.strings().ofMaxLength(6));
    return Arbitraries.oneOf(word, Combinators.combine(Arbitraries.of(names), word).as((n, w) -> n + "=" + w))
        .list().ofMaxSize(8);
  }

  /** One option as a user could write it, with a value of its type. */
  private static Arbitrary<List<String>> given(ServeOptions.Entry<?> entry) {
    String name = entry.name();
    Class<?> type = entry.type();
    if (entry.isFlag()) {
      return Arbitraries.just(List.of(name));
    }
    Arbitrary<String> value;
    if (type == Integer.class || type == Long.class) {
      value = Arbitraries.integers().between(0, 99_999).map(String::valueOf);
    } else if (type == Double.class) {
      value = Arbitraries.of("0", "0.25", "1", "0.5");
    } else if (type.isEnum()) {
      value = Arbitraries.of(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
          .flatMap(v -> Arbitraries.of(v, v.toLowerCase(Locale.ROOT)));
    } else {
      value = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("./:_").ofMinLength(1).ofMaxLength(12)
          .filter(v -> !v.startsWith("-"));
    }
    return Combinators.combine(value, Arbitraries.of(true, false))
        .as((v, attached) -> attached ? List.of(name + "=" + v) : List.of(name, v));
  }

  /** A value unlike the option's default. */
  private static String sample(ServeOptions.Entry<?> entry) {
    if (entry.type().isEnum()) {
      Object[] constants = entry.type().getEnumConstants();
      return ((Enum<?>) constants[constants[0].toString().equals(entry.defaultValue()) ? 1 : 0]).name();
    }
    return entry.type() == String.class || entry.type() == java.nio.file.Path.class ? "elsewhere" : "7";
  }

  private static ServeCommand picocli(List<String> args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
    return command;
  }

  private static Map<String, Object> values(ServeCommand command) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : FIELDS) {
      try {
        values.put(field.getName(), field.get(command));
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return Collections.unmodifiableMap(values);
  }
}
