package io.switchboard.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layers apart: the flow format knows no Spring, the runtime no Vaadin, executors no store. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.switchboard");

  @Test
  void theFlowFormatKnowsNothingOfSpringOrTheRuntime() {
    noClasses().that().resideInAPackage("io.switchboard.flow..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.switchboard.runtime..",
            "org.jooq..", "org.graalvm..")
        .check(CLASSES);
  }

  @Test
  void theRuntimeKnowsNothingOfVaadinOrTheApplication() {
    noClasses().that().resideInAPackage("io.switchboard.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "io.switchboard.designer..")
        .check(CLASSES);
  }

  @Test
  void nodeExecutorsNeverTouchTheStoreOrTheApi() {
    noClasses().that().resideInAPackage("io.switchboard.runtime.node..")
        .should().dependOnClassesThat().resideInAnyPackage("io.switchboard.runtime.store..", "io.switchboard.runtime.api..",
            "io.switchboard.runtime.service..", "org.jooq..", "org.springframework..")
        .check(CLASSES);
  }

  @Test
  void theEngineDoesNotDependOnSpring() {
    noClasses().that().resideInAnyPackage("io.switchboard.runtime.engine..", "io.switchboard.runtime.expr..",
            "io.switchboard.runtime.connector..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..")
        .check(CLASSES);
  }

  /** The code jOOQ generates from the Flyway scripts is never edited, so its own cycles are left out. */
  @Test
  void noPackageDependsOnItselfThroughOthers() {
    JavaClasses written = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/io/switchboard/runtime/store/jooq/"))
        .importPackages("io.switchboard.runtime");
    slices().matching("io.switchboard.runtime.(**)").should().beFreeOfCycles().check(written);
  }

  @Test
  void controllersGoThroughServicesNeverARepositoryOrTheDatabase() {
    noClasses().that().resideInAPackage("io.switchboard.runtime.api..")
        .should().dependOnClassesThat().resideInAnyPackage("io.switchboard.runtime.store..", "org.jooq..")
        .check(CLASSES);
  }

  @Test
  void executorsSeeTheEngineOnlyThroughTheStepContext() {
    noClasses().that().resideInAPackage("io.switchboard.runtime.node..")
        .should().dependOnClassesThat().resideInAPackage("io.switchboard.runtime.engine..")
        .check(CLASSES);
  }
}
