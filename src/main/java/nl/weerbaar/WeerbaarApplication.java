package nl.weerbaar;

import nl.weerbaar.system.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class WeerbaarApplication {

    public static void main(String[] args) {
        Launcher.run(args).ifPresent(System::exit);
    }
}
