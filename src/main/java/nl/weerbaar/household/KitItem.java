package nl.weerbaar.household;

/**
 * One line of the kit: {@code key} names the message ({@code household.item.<key>}) that says
 * what to have, with {@code quantity} filled in where it scales; {@code why} names the reason shown.
 */
record KitItem(String key, Number quantity, String section) {}
