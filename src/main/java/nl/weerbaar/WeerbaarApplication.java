package nl.weerbaar;

import nl.weerbaar.system.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class WeerbaarApplication {

    public static void main(String[] args) {
        Launcher.run(WeerbaarApplication.class, args).ifPresent(System::exit);
    }
}
