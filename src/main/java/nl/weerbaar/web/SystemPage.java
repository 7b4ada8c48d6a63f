package nl.weerbaar.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.AuditLog;
import nl.weerbaar.access.Role;
import nl.weerbaar.access.SignedTreeHead;
import nl.weerbaar.bulletins.SigningKeys;
import nl.weerbaar.points.PointFigures;
import nl.weerbaar.system.BackupHistory;
import nl.weerbaar.system.DatabaseState;
import nl.weerbaar.system.FeedHealth;
import nl.weerbaar.system.Release;
import org.flywaydb.core.api.FlywayException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What an operator checks first in an incident, on one page for national admins: the release,
 * the database and its standbys, migrations, the audit log and its last signed head, the last
 * backup, signing keys and when they rotate, stale support points and failing feeds. Each part
 * is read on its own, so a database that does not answer is shown as such, not as an error page.
 */
@Controller
class SystemPage {

    /** Keys due for scheduled rotation within this time are listed first and marked. */
    private static final Duration ROTATION_SOON = Duration.ofDays(7);
    private static final int KEYS_SHOWN = 10;

    private final AccessControl access;
    private final Release release;
    private final DatabaseState database;
    private final AuditLog auditLog;
    private final SigningKeys signingKeys;
    private final PointFigures points;
    private final ObjectProvider<BackupHistory> backups;
    private final ObjectProvider<FeedHealth> feeds;
    private final Clock clock;

    SystemPage(AccessControl access, Release release, DatabaseState database, AuditLog auditLog, SigningKeys signingKeys,
               PointFigures points, ObjectProvider<BackupHistory> backups, ObjectProvider<FeedHealth> feeds, Clock clock) {
        this.access = access;
        this.release = release;
        this.database = database;
        this.auditLog = auditLog;
        this.signingKeys = signingKeys;
        this.points = points;
        this.backups = backups;
        this.feeds = feeds;
        this.clock = clock;
    }

    record KeyRow(String organisation, String kid, Instant validFrom, Instant rotatesAt, boolean soon) {}

    @GetMapping("/medewerkers/systeem")
    String system(Model model) {
        access.require(Role.ADMIN, "NL");
        Instant now = clock.instant();
        model.addAttribute("now", now);
        model.addAttribute("version", release.version());
        model.addAttribute("server", read(database::server).orElse(null));
        model.addAttribute("migrations", read(database::migrations).orElse(null));
        model.addAttribute("auditSize", read(auditLog::size).orElse(null));
        Optional<SignedTreeHead> head = read(auditLog::latestHead).flatMap(h -> h);
        model.addAttribute("treeHead", head.orElse(null));
        model.addAttribute("treeHeadRoot", head.map(SystemPage::rootHex).orElse(null));
        BackupHistory backupHistory = backups.getIfAvailable();
        model.addAttribute("backupKnown", backupHistory != null);
        model.addAttribute("backup", backupHistory == null ? null : backupHistory.last().orElse(null));
        FeedHealth feedHealth = feeds.getIfAvailable();
        model.addAttribute("feedsSubscribed", feedHealth == null ? null : feedHealth.subscribed());
        model.addAttribute("failingFeeds", feedHealth == null ? List.of() : feedHealth.failing());
        Optional<List<KeyRow>> keys = read(() -> currentKeys(now));
        model.addAttribute("keysInUse", keys.map(List::size).orElse(null));
        model.addAttribute("keysDueSoon", keys.map(k -> k.stream().filter(KeyRow::soon).count()).orElse(null));
        model.addAttribute("keys", keys.map(k -> k.stream().limit(KEYS_SHOWN).toList()).orElse(List.of()));
        Optional<PointFigures.Figures> figures = read(points::current);
        model.addAttribute("pointsInUse", figures.map(PointFigures.Figures::inUse).orElse(null));
        model.addAttribute("stalePoints", figures.map(PointFigures.Figures::stale).orElse(null));
        model.addAttribute("staleByRegion", figures.map(f -> f.staleByRegion().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList()).orElse(List.of()));
        return "web/system";
    }

    private List<KeyRow> currentKeys(Instant now) {
        return signingKeys.published().stream()
                .filter(k -> k.validUntil() == null && k.revokedAt() == null)
                .map(k -> {
                    Instant rotatesAt = signingKeys.scheduledRotation(k);
                    return new KeyRow(k.organisation(), k.kid(), k.validFrom(), rotatesAt, rotatesAt.isBefore(now.plus(ROTATION_SOON)));
                })
                .sorted(Comparator.comparing(KeyRow::rotatesAt))
                .toList();
    }

    /** A part the database cannot give now is shown as unknown; the rest of the page still helps. */
    private static <T> Optional<T> read(Supplier<T> part) {
        try {
            return Optional.ofNullable(part.get());
        } catch (DataAccessException | FlywayException e) {
            return Optional.empty();
        }
    }

    private static String rootHex(SignedTreeHead head) {
        return HexFormat.of().formatHex(head.rootHash());
    }
}
