package nl.weerbaar.system;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the system page and the metrics learn of the last backup. The backup command provides
 * the implementation; while none exists, the page says the last backup is unknown.
 */
public interface BackupHistory {

    /** @param where the file or archive the backup went to, as an operator would look for it */
    record Backup(Instant finishedAt, String where, boolean restoreChecked) {}

    Optional<Backup> last();
}
