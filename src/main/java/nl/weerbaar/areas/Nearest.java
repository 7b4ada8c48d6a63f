package nl.weerbaar.areas;

/** An item found near a point, with its great-circle distance from that point. */
public record Nearest<T>(T item, double distanceMetres) {}
