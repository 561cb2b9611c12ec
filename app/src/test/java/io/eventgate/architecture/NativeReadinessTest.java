package io.eventgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.eventgate.socket.ServerFrame;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What Jackson writes or reads by reflection must be registered for it, or a native image
 * answers with empty JSON: every record of the HTTP answers, every server frame. (What crosses Redis
 * is Redis's own types: stream entries of strings, written and read by Lua scripts.)
 */
class NativeReadinessTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.eventgate");

    @Test
    void wireRecordsAreRegisteredForReflection() {
        classes().that().areRecords().and().resideInAnyPackage("io.eventgate.publish..")
                .should().beAnnotatedWith(RegisterForReflection.class)
                .check(SERVICE);
    }

    @Test
    void serverFramesAreRegisteredForReflection() {
        classes().that().implement(ServerFrame.class).or().areAssignableTo(ServerFrame.class)
                .should().beAnnotatedWith(RegisterForReflection.class)
                .check(SERVICE);
    }
}
