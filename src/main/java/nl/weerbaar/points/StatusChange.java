package nl.weerbaar.points;

import java.time.Instant;
import java.util.List;

/** One entry of a point's status history: what was set, by whom and when. */
public record StatusChange(Instant at, PointStatus status, int occupancy, String message, List<Capability> unavailable,
                           String actor, String organisation) {}
