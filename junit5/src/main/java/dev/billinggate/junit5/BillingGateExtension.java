package dev.billinggate.junit5;

import dev.billinggate.app.ServerConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.commons.support.SearchOption;

/**
 * Starts billing-gate for a test class (or once per JVM), resets it or restores a snapshot before
 * each test, and injects its {@link BillingGateHandle}. Used through {@link BillingGateTest}, or
 * registered with a configuration:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BillingGateExtension gate = BillingGateExtension.configured(config ->
 *     config.withOrganizations(OrganizationsSettings.defaults().withAccountQuota(3)));
 * }</pre>
 *
 * <p>The server lives in the JUnit store of the top-level class (scope CLASS) or of the engine
 * (scope JVM, one per distinct configuration) and is closed when that store is.
 */
public final class BillingGateExtension
    implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(BillingGateExtension.class);

  private final Optional<Settings> registered;

  /** The extension {@link BillingGateTest} declares: settings come from that annotation. */
  public BillingGateExtension() {
    this.registered = Optional.empty();
  }

  private BillingGateExtension(Settings settings) {
    this.registered = Optional.of(settings);
  }

  /**
   * A server with {@link BillingGateHandle#defaultConfig()} changed by {@code change}, once per
   * class, reset before each test.
   */
  public static BillingGateExtension configured(UnaryOperator<ServerConfig> change) {
    return new BillingGateExtension(new Settings(
        new Server(change.apply(BillingGateHandle.defaultConfig()), ServerScope.CLASS), PerTest.RESET));
  }

  /** The same, with another scope. */
  public BillingGateExtension scope(ServerScope scope) {
    Settings settings = registeredOrDefault();
    return new BillingGateExtension(new Settings(new Server(settings.server().config(), scope), settings.beforeEach()));
  }

  /** The same, restoring snapshot {@code name} before each test instead of resetting. */
  public BillingGateExtension restoringBeforeEach(String name) {
    return new BillingGateExtension(new Settings(registeredOrDefault().server(), new PerTest(true, name)));
  }

  /** The same, without the reset before each test: the tests see each other's changes. */
  public BillingGateExtension withoutReset() {
    return new BillingGateExtension(new Settings(registeredOrDefault().server(), new PerTest(false, "")));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    BillingGateHandle gate = handle(context);
    for (Field field : handleFields(context.getRequiredTestClass())) {
      if (Modifier.isStatic(field.getModifiers())) {
        inject(field, null, gate);
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    PerTest policy = settings(context).beforeEach();
    BillingGateHandle gate = handle(context);
    if (!policy.snapshot().isEmpty()) {
      gate.restoreSnapshot(policy.snapshot());
    } else if (policy.reset()) {
      gate.reset();
    }
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
    BillingGateHandle gate = handle(context);
    for (Field field : handleFields(instance.getClass())) {
      if (!Modifier.isStatic(field.getModifiers())) {
        inject(field, instance, gate);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BillingGateHandle.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return handle(context);
  }

  /** The running server of this test's scope, started on first use. */
  private BillingGateHandle handle(ExtensionContext context) {
    Server server = settings(context).server();
    ExtensionContext owner = server.scope() == ServerScope.JVM ? context.getRoot() : topLevelClass(context);
    return owner.getStore(NAMESPACE)
        .getOrComputeIfAbsent(server, s -> new Running(BillingGateHandle.start(s.config())), Running.class)
        .gate();
  }

  private Settings settings(ExtensionContext context) {
    if (registered.isPresent()) {
      return registered.get();
    }
    BillingGateTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), BillingGateTest.class,
            SearchOption.INCLUDE_ENCLOSING_CLASSES)
        .orElseThrow(() -> new ExtensionConfigurationException(
            "BillingGateExtension needs @BillingGateTest or registration through BillingGateExtension.configured"));
    return new Settings(new Server(BillingGateHandle.defaultConfig(), annotation.scope()),
        new PerTest(annotation.reset(), annotation.snapshot()));
  }

  private Settings registeredOrDefault() {
    return registered.orElseGet(() -> new Settings(
        new Server(BillingGateHandle.defaultConfig(), ServerScope.CLASS), PerTest.RESET));
  }

  /** The context of the outermost test class, so that {@code @Nested} classes share its server. */
  private static ExtensionContext topLevelClass(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getParent().get().getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static List<Field> handleFields(Class<?> type) {
    return ReflectionSupport.findFields(type, f -> f.getType() == BillingGateHandle.class
        && !Modifier.isFinal(f.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
  }

  private static void inject(Field field, Object target, BillingGateHandle gate) throws IllegalAccessException {
    field.setAccessible(true);
    field.set(target, gate);
  }

  private record Settings(Server server, PerTest beforeEach) {}

  /** What identifies a server: classes with equal ones in the JVM scope share it. */
  private record Server(ServerConfig config, ServerScope scope) {}

  /** What happens before each test: a snapshot restored if named, else a reset unless turned off. */
  private record PerTest(boolean reset, String snapshot) {
    static final PerTest RESET = new PerTest(true, "");
  }

  /** Closes the server when JUnit closes the store that holds it. */
  private record Running(BillingGateHandle gate) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      gate.close();
    }
  }
}
