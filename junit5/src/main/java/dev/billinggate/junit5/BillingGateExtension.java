package dev.billinggate.junit5;

import dev.billinggate.app.ServerConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.commons.support.SearchOption;

/**
 * Starts billing-gate for a test class (or once per JVM) and injects its {@link BillingGateHandle}.
 * Used through {@link BillingGateTest}, or registered with a configuration:
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
public final class BillingGateExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(BillingGateExtension.class);

  private final Optional<Settings> registered;

  /** The extension {@link BillingGateTest} declares: settings come from that annotation. */
  public BillingGateExtension() {
    this.registered = Optional.empty();
  }

  private BillingGateExtension(Settings settings) {
    this.registered = Optional.of(settings);
  }

  /** A server with {@link BillingGateHandle#defaultConfig()} changed by {@code change}, once per class. */
  public static BillingGateExtension configured(UnaryOperator<ServerConfig> change) {
    return new BillingGateExtension(new Settings(change.apply(BillingGateHandle.defaultConfig()), ServerScope.CLASS));
  }

  /** The same configuration with another scope. */
  public BillingGateExtension scope(ServerScope scope) {
    Settings settings = settings(null);
    return new BillingGateExtension(new Settings(settings.config(), scope));
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
  BillingGateHandle handle(ExtensionContext context) {
    Settings settings = settings(context);
    ExtensionContext owner = settings.scope() == ServerScope.JVM ? context.getRoot() : topLevelClass(context);
    return owner.getStore(NAMESPACE)
        .getOrComputeIfAbsent(settings, s -> new Running(BillingGateHandle.start(s.config())), Running.class)
        .gate();
  }

  private Settings settings(ExtensionContext context) {
    if (registered.isPresent()) {
      return registered.get();
    }
    if (context == null) {
      return new Settings(BillingGateHandle.defaultConfig(), ServerScope.CLASS);
    }
    BillingGateTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), BillingGateTest.class,
            SearchOption.INCLUDE_ENCLOSING_CLASSES)
        .orElseThrow(() -> new ExtensionConfigurationException(
            "BillingGateExtension needs @BillingGateTest or registration through BillingGateExtension.configured"));
    return new Settings(BillingGateHandle.defaultConfig(), annotation.scope());
  }

  /** The context of the outermost test class, so that {@code @Nested} classes share its server. */
  private static ExtensionContext topLevelClass(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getParent().get().getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static java.util.List<Field> handleFields(Class<?> type) {
    return ReflectionSupport.findFields(type, f -> f.getType() == BillingGateHandle.class
        && !Modifier.isFinal(f.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
  }

  private static void inject(Field field, Object target, BillingGateHandle gate) throws IllegalAccessException {
    field.setAccessible(true);
    field.set(target, gate);
  }

  /** What identifies a server: tests with equal settings in the JVM scope share one. */
  private record Settings(ServerConfig config, ServerScope scope) {}

  /** Closes the server when JUnit closes the store that holds it. */
  private record Running(BillingGateHandle gate) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      gate.close();
    }
  }
}
