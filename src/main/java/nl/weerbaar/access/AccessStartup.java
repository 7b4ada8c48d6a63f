package nl.weerbaar.access;

import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First start: organisations for every area, and the national admin. The admin's password is
 * WEERBAAR_ADMIN_PASSWORD when set, else a random one printed once; there is no default.
 */
@Component
class AccessStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessStartup.class);

    private final Organisations organisations;
    private final UserAccounts users;
    private final String adminPassword;

    AccessStartup(Organisations organisations, UserAccounts users,
                  @Value("${weerbaar.admin-password:}") String adminPassword) {
        this.organisations = organisations;
        this.users = users;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        RequestId.runAs("startup", () -> {
            int created = organisations.synchroniseWithAreas();
            if (created > 0) {
                log.info("Created {} organisations (national, safety regions, municipalities)", created);
            }
            if (!users.exists("admin")) {
                boolean generated = adminPassword.isBlank();
                String password = generated ? UserAccounts.randomPassword() : adminPassword;
                try {
                    users.createAsSystem(new UserAccounts.NewUser("admin", password, "NL", "admin"));
                } catch (InvalidInputException e) {
                    throw new IllegalStateException("WEERBAAR_ADMIN_PASSWORD cannot be used: " + e.getMessage(), e);
                }
                if (generated) {
                    System.out.println("""

                            ==============================================================
                             Weerbaar created the national administrator.
                               username: admin
                               password: %s
                             This password is shown once. Store it now, or set
                             WEERBAAR_ADMIN_PASSWORD before the first start.
                            ==============================================================
                            """.formatted(password));
                } else {
                    log.info("Created the national administrator 'admin' with the password from WEERBAAR_ADMIN_PASSWORD");
                }
            }
        });
    }
}
