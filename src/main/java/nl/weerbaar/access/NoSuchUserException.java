package nl.weerbaar.access;

/** An action named a user that does not exist. */
class NoSuchUserException extends RuntimeException {

    public NoSuchUserException(String username) {
        super("no user with username '" + username + "'");
    }
}
