package io.switchboard.flow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the flow format a library of its own: its packages form no cycle and it knows no framework. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.switchboard.flow");

  @Test
  void thePackagesOfTheFlowFormatFormNoCycle() {
    slices().matching("io.switchboard.flow.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theFlowFormatIsFreeOfSpring() {
    noClasses().that().resideInAPackage("io.switchboard.flow..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .check(CLASSES);
  }
}
