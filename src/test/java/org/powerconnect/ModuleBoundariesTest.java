package org.powerconnect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture as a test: only the workflow module knows the process engine, so that a move to another
 * Camunda 7 compatible engine touches one package; and domain modules never reach into workflow.
 */
class ModuleBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/powerconnect");

    @Test
    void shouldKeepEveryCamundaImportInsideTheWorkflowModule() throws IOException {
        assertThat(filesOutsideWorkflowMentioning("import org.camunda")).isEmpty();
    }

    @Test
    void shouldKeepDomainModulesIndependentOfTheWorkflowModule() throws IOException {
        assertThat(filesOutsideWorkflowMentioning("import org.powerconnect.workflow")).isEmpty();
    }

    private static List<Path> filesOutsideWorkflowMentioning(String text) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("workflow")))
                    .filter(file -> read(file).contains(text))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
