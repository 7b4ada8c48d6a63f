package nl.weerbaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules as Spring Modulith sees them: no cycles, each module uses only the modules its
 * {@code package-info.java} allows and only their doors (the public types of their top-level
 * package). The module diagrams and canvases in {@code docs/modules/} are written from the same
 * model; regenerate them with {@code -Dmodules.docs.write=true} after a change to a module's
 * door or dependencies.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(WeerbaarApplication.class);

    private static final Path COMMITTED = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/modules-docs");

    @Test
    void modulesKeepTheirDoorsAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void committedModuleDocumentationMatchesTheCode() throws IOException {
        write(GENERATED);
        if (Boolean.getBoolean("modules.docs.write")) {
            write(COMMITTED);
        }
        assertThat(contents(COMMITTED))
                .as("docs/modules/ differs from the code: run ModuleStructureTest with -Dmodules.docs.write=true and commit")
                .isEqualTo(contents(GENERATED));
    }

    private static void write(Path folder) throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        for (Path file : contents(folder).keySet().stream().map(folder::resolve).toList()) {
            Files.writeString(file, inStableOrder(Files.readString(file)));
        }
    }

    /**
     * The Documenter lists relations, components and bean references in the order the class import
     * met them, which changes from run to run: sorted, the files change only when the modules do.
     */
    static String inStableOrder(String document) {
        List<String> lines = document.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            int end = i;
            while (end < lines.size() && sortable(lines.get(end), end == i)) {
                end++;
            }
            if (end == i) {
                out.add(lines.get(i++));
                continue;
            }
            // An AsciiDoc cell opens its list with "|* "; the bar stays on the first line after sorting.
            boolean cell = lines.get(i).startsWith("|");
            List<String> run = new ArrayList<>(lines.subList(i, end).stream().map(l -> cell ? l.replaceFirst("^\\|", "") : l).sorted().toList());
            if (cell) {
                run.set(0, "|" + run.getFirst());
            }
            out.addAll(run);
            i = end;
        }
        return String.join("\n", out) + "\n";
    }

    private static boolean sortable(String line, boolean first) {
        return line.startsWith("Rel(") || line.strip().startsWith("Component(") || line.startsWith("* ")
                || (first && line.startsWith("|* "));
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    file -> file.getFileName().toString(), ModuleStructureTest::read, (a, b) -> a, TreeMap::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
