package nl.weerbaar;

import nl.weerbaar.system.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One application of modules, one package each ({@code package-info.java} says what each may use);
 * {@code system} is the shared kernel every module test starts with.
 */
@SpringBootApplication
@Modulithic(systemName = "Weerbaar", sharedModules = "system")
@EnableScheduling
public class WeerbaarApplication {

    public static void main(String[] args) {
        Launcher.run(WeerbaarApplication.class, args).ifPresent(System::exit);
    }
}
