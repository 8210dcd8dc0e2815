package dev.billinggate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.IamCredentials;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.iam.IamIdentityProviders;
import dev.billinggate.service.iam.IamOrganizations;
import dev.billinggate.service.iam.IamRoles;
import dev.billinggate.service.iam.IamService;
import dev.billinggate.service.iam.IamSignIn;
import dev.billinggate.service.iam.IdentityPolicies;
import dev.billinggate.service.iam.RootAccessFeatures;
import dev.billinggate.service.iam.Tags;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The package table of docs/design/architecture.md, checked on the compiled main classes: every
 * package depends only on the packages its row names, so arrows point inward, and no packages
 * depend on each other in a circle. A new package, or a new arrow, changes the table here and in
 * the doc together; there are no recorded exceptions.
 */
class ArchitectureTest {
  private static final String BASE = "dev.billinggate.";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.billinggate");

  @Test
  void everyPackageDependsOnlyOnThePackagesItsRowNames() {
    LayeredArchitecture table = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .ensureAllClassesAreContainedInArchitecture()
        .withOptionalLayers(true);
    for (String[] row : TABLE) {
      table = table.layer(row[0]).definedBy(BASE + row[0]);
    }
    for (String[] row : TABLE) {
      String[] allowed = Arrays.copyOfRange(row, 1, row.length);
      table = allowed.length == 0 ? table.whereLayer(row[0]).mayNotAccessAnyLayer()
          : table.whereLayer(row[0]).mayOnlyAccessLayers(allowed);
    }
    table.check(MAIN);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.billinggate.(**)").should().beFreeOfCycles().check(MAIN);
  }

  /**
   * IAM's internals (its tables, its operation classes, MFA and password helpers) stay inside IAM:
   * STS, the console and the authorizer reach IAM only through its ports and its ARN vocabulary. The
   * app, which builds IAM, is the one exception.
   */
  @Test
  void iamIsReachedOnlyThroughItsPorts() {
    noClasses().that().resideOutsideOfPackages(BASE + "service.iam", BASE + "app")
        .should().dependOnClassesThat(resideInAPackage(BASE + "service.iam")
            .and(not(belongToAnyOf(IAM_PUBLISHED))))
        .check(MAIN);
  }

  /** IAM's operation classes are its own: other packages call IAM through the gateway or its ports. */
  @Test
  void iamOperationClassesArePackagePrivate() {
    classes().that().resideInAPackage(BASE + "service.iam").and().haveSimpleNameEndingWith("Operations")
        .should().notBePublic().check(MAIN);
  }

  /** What other packages may use of {@code service.iam} (nested types of these included). */
  private static final Class<?>[] IAM_PUBLISHED = {
      IamService.class, IamEnv.class, IamArns.class, Tags.class, IamOrganizations.class, RootAccessFeatures.class,
      IdentityPolicies.class, IamRoles.class, IamCredentials.class, IamIdentityProviders.class, IamSignIn.class,
  };

  /** Package, then the packages it may depend on; innermost first, as in the doc. */
  private static final String[][] TABLE = {
      {"core"},
      {"core.http"},
      {"catalog"},
      {"model", "core"},
      {"policy"},
      {"policy.document", "policy"},
      {"policy.eval", "policy", "policy.document"},
      {"policy.managed", "policy"},
      {"auth", "core"},
      {"auth.sigv4", "auth", "core", "core.http"},
      {"store", "core"},
      {"store.engine", "store"},
      {"store.memory", "store", "store.engine"},
      {"store.jdbc", "store"},
      {"store.sqlite", "store", "store.engine", "store.jdbc"},
      {"store.postgres", "store", "store.engine", "store.jdbc", "core"},
      {"costdata", "store", "core"},
      {"federation"},
      {"idp", "core", "federation", "store"},
      {"protocol", "core", "core.http", "model"},
      {"protocol.query", "protocol", "core", "core.http", "model"},
      {"protocol.json", "protocol", "core", "core.http", "model"},
      {"protocol.rest", "protocol", "protocol.json", "core", "core.http", "model"},
      {"protocol.codecs", "protocol", "protocol.query", "protocol.json", "protocol.rest", "core"},
      {"twin"},
      {"service", "auth", "core"},
      // One row per service; an arrow to another service goes to that service's ports.
      {"service.organizations", "service", "auth", "core", "store", "policy", "policy.document"},
      {"service.iam", "service", "auth", "core", "store", "policy", "policy.document", "policy.managed"},
      {"service.sts", "service", "auth", "core", "store", "policy", "policy.managed", "service.iam", "federation"},
      {"service.billing", "service", "auth", "core", "store", "service.organizations"},
      {"service.account", "service", "auth", "core", "store", "service.organizations"},
      {"service.costexplorer", "service", "auth", "core", "store", "costdata", "service.billing",
          "service.organizations"},
      {"service.budgets", "service", "auth", "core", "store", "costdata", "service.costexplorer"},
      {"service.sqs", "service", "auth", "core", "store", "policy", "policy.document"},
      {"service.s3", "service", "auth", "core", "store", "policy", "policy.document"},
      {"authz", "auth", "core", "policy", "service", "store", "service.iam"},
      {"gateway.http", "core.http"},
      {"gateway", "auth", "auth.sigv4", "core", "core.http", "model", "protocol", "protocol.codecs", "service"},
      {"emulator", "auth", "auth.sigv4", "core", "core.http", "gateway", "protocol", "protocol.codecs", "service",
          "service.billing", "service.organizations", "store", "idp", "twin"},
      {"console.session", "auth", "core", "store"},
      {"console.web", "console.session", "core.http"},
      {"console.gate", "auth", "authz", "catalog", "core", "service", "service.billing", "service.organizations",
          "store"},
      {"console.view", "console.web", "console.session", "console.gate", "catalog", "core"},
      {"console", "console.session", "console.web", "console.gate", "console.view", "auth", "authz", "catalog",
          "core", "core.http", "costdata", "gateway", "service", "service.organizations", "service.iam",
          "service.sts", "service.billing", "service.costexplorer", "store"},
      {"governance", "core", "catalog", "policy", "policy.document", "policy.eval", "twin"},
      {"app", "core", "core.http", "catalog", "model", "policy", "policy.document", "policy.eval", "policy.managed",
          "auth", "auth.sigv4", "store", "store.engine", "store.memory", "store.sqlite", "store.postgres", "costdata", "protocol",
          "protocol.codecs", "service", "service.organizations", "service.iam", "service.sts", "service.billing",
          "service.account", "service.costexplorer", "service.budgets", "service.sqs", "service.s3", "authz", "gateway.http", "gateway",
          "emulator", "console", "governance", "federation", "idp", "twin"},
      {"cli", "app", "governance", "core", "catalog", "costdata", "store", "store.sqlite", "store.postgres", "service.billing",
          "service.organizations", "emulator", "twin"},
  };
}
