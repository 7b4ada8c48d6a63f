package nl.weerbaar.access;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's single sequencer (after Trillian): every fraction of a second, on whichever instance
 * holds the lease, it takes committed entries off the queue, gives them the next leaf indexes,
 * adds the complete subtrees they finish and publishes a signed tree head over the new size, all
 * in one transaction. Writers never wait for it; an instance without the lease skips its turn.
 */
@Component
class AuditSequencer {

    /** Enough to keep up with a large import in a few rounds, small enough for a short transaction. */
    static final int BATCH = 10_000;

    private final AuditLogRepository log;
    private final TreeHeadSigner signer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean started;

    AuditSequencer(AuditLogRepository log, TreeHeadSigner signer, TransactionTemplate transactions, Clock clock) {
        this.log = log;
        this.signer = signer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one round did: nothing when another instance held the lease. */
    record Round(boolean leaseHeld, int sequenced) {}

    /** The national organisation, owner of the signing key, is seeded by a runner: sequencing starts after the runners. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        started = true;
    }

    @Scheduled(fixedDelayString = "${weerbaar.audit.sequencing-interval:PT0.2S}")
    void sequenceOnSchedule() {
        if (started) {
            sequence();
        }
    }

    /**
     * Sequences what is waiting, as a running server would within a second, so a check covers
     * every committed entry. When a server holds the lease, its sequencer does this instead.
     */
    void catchUp() {
        Round round;
        do {
            round = sequence();
        } while (round.leaseHeld() && round.sequenced() == BATCH);
    }

    Round sequence() {
        return transactions.execute(tx -> {
            if (!log.tryTakeSequencerLease()) {
                return new Round(false, 0);
            }
            List<AuditLogRepository.PendingEntry> batch = log.takePending(BATCH);
            Optional<SignedTreeHead> latest = log.latestHead();
            if (batch.isEmpty() && latest.isPresent()) {
                return new Round(true, 0);
            }
            long oldSize = log.leafCount();
            log.appendLeaves(oldSize, batch);
            addCompleteSubtrees(oldSize, batch.stream().map(AuditLogRepository.PendingEntry::leafHash).toList());
            publishHead(oldSize + batch.size());
            return new Round(true, batch.size());
        });
    }

    /** Level 0 holds the leaves; a node at level l is stored once both its children are. */
    private void addCompleteSubtrees(long oldSize, List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return;
        }
        long newSize = oldSize + leafHashes.size();
        log.insertNodes(0, oldSize, leafHashes);
        for (int level = 1; (oldSize >> level) < (newSize >> level); level++) {
            long from = oldSize >> level;
            long to = newSize >> level;
            List<byte[]> children = log.nodes(level - 1, 2 * from, 2 * to);
            List<byte[]> parents = new ArrayList<>();
            for (int i = 0; i < children.size(); i += 2) {
                parents.add(MerkleHashes.node(children.get(i), children.get(i + 1)));
            }
            log.insertNodes(level, from, parents);
        }
    }

    private void publishHead(long size) {
        byte[] root = new MerkleTree(log::node).rootHash(size);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        TreeHeadSigner.HeadSignature signature = signer.sign(SignedTreeHead.signedBytes(size, root, now));
        log.insertHead(new SignedTreeHead(size, root, now, signature.keyId(), signature.value()));
    }
}
