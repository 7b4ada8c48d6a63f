package nl.weerbaar.bulletins;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import nl.weerbaar.system.ApplicationClock;

/** A claim seen circulating, its assessment and the bulletin that rebuts it (if any). No personal data. */
record Claim(UUID id, String area, String text, String channel, Instant firstSeenAt, String firstSeenWhere,
                    Integer estimatedReach, String assessment, UUID rebuttalBulletin, String recordedBy,
                    Instant recordedAt, long version) {

    /** When first seen, in Dutch time, for pages. */
    public String firstSeenInDutchTime() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(firstSeenAt.atZone(ApplicationClock.NETHERLANDS));
    }
}
