package nl.weerbaar.points;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A support point as registered, with its current status.
 *
 * @param municipality     CBS municipality code, e.g. GM0363
 * @param isPublic         false for a shelter for vulnerable people: never shown to the public
 * @param demo             generated demonstration data, not a real point
 * @param unavailable      capabilities the point has but cannot offer right now (e.g. water out)
 * @param statusConfirmedAt when the status was last observed at the point; null when never
 * @param statusReceivedAt  when that status reached the server: later than observed when it came from an offline phone
 * @param retiredAt        when it was taken out of the registry; null while in use
 * @param version          increases with every change; the ETag
 */
public record SupportPoint(long id, String name, Tier tier, BuildingKind buildingKind, String address,
                           double lat, double lon, String municipality, String region, String ownerOrganisation,
                           List<Capability> capabilities, Capacity capacity, BackupPower backupPower,
                           List<Communication> communications, String contact, String opening,
                           @JsonProperty("public") boolean isPublic, boolean demo,
                           PointStatus status, int occupancy, String message, List<Capability> unavailable,
                           Instant statusConfirmedAt, Instant statusReceivedAt, Instant retiredAt, long version) {

    /** How many people the point can take: at once, and overnight. Null where not known. */
    public record Capacity(Integer persons, Integer overnight) {}

    /** Power when the grid fails: a generator, and how long its fuel lasts. */
    public record BackupPower(boolean generator, Integer fuelAutonomyHours) {}

    public boolean retired() {
        return retiredAt != null;
    }
}
