package nl.weerbaar.access;

import java.util.function.Supplier;

/** Who the system acts as outside a user's request: start-up work, or a command run on the server. */
final class SystemActor {

    private static final ThreadLocal<Actor> COMMAND_ACTOR = new ThreadLocal<>();

    private SystemActor() {}

    static Actor current() {
        Actor actor = COMMAND_ACTOR.get();
        return actor != null ? actor : Actor.SYSTEM;
    }

    /** Runs a command-line action as the operating-system user who started it, with national rights. */
    static <T> T asCommandLineUser(Supplier<T> work) {
        COMMAND_ACTOR.set(new Actor("cli:" + System.getProperty("user.name"), "NL", Role.ADMIN));
        try {
            return work.get();
        } finally {
            COMMAND_ACTOR.remove();
        }
    }
}
