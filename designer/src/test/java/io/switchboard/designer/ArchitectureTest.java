package io.switchboard.designer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** Screens and controllers go through services; the application's packages depend on each other one way. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.switchboard.designer");

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("io.switchboard.designer.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void screensNeverTouchARepositoryOrTheDatabase() {
    noClasses().that().areAssignableTo(com.vaadin.flow.component.Component.class)
        .should().dependOnClassesThat().resideInAnyPackage("io.switchboard.runtime.store..", "org.jooq..")
        .check(CLASSES);
  }

  @Test
  void controllersNeverTouchARepositoryOrTheDatabase() {
    noClasses().that().areAnnotatedWith(RestController.class)
        .should().dependOnClassesThat().resideInAnyPackage("io.switchboard.runtime.store..", "org.jooq..")
        .check(CLASSES);
  }
}
