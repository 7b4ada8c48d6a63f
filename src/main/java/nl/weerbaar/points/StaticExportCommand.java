package nl.weerbaar.points;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nl.weerbaar.system.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./weerbaar export static DIR}: the public finder as static files. */
@Component
class StaticExportCommand implements CliCommand {

    private final StaticFinderExport export;

    StaticExportCommand(StaticFinderExport export) {
        this.export = export;
    }

    @Override
    public String name() {
        return "export static";
    }

    @Override
    public String summary() {
        return "DIR  write the public support-point finder as static files (any web server, or a USB stick)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 1) {
            err.println("weerbaar: export static takes one folder, e.g. ./weerbaar export static /media/usb/steunpunten");
            return 2;
        }
        Path folder = Path.of(args.getFirst());
        int files = export.export(folder, out::println);
        out.printf("Wrote %,d files to %s; open index.html, or serve the folder with any web server.%n", files,
                folder.toAbsolutePath());
        return 0;
    }
}
