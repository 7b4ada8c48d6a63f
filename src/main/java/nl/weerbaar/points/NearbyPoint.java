package nl.weerbaar.points;

/** A public support point found near a place, with its great-circle distance from that place. */
public record NearbyPoint(SupportPoint point, double distanceMeters) {}
