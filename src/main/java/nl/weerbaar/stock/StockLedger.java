package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import java.util.function.IntFunction;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.Unusable;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.RequestId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only stock ledger. Every movement becomes one or more events; the balance of each
 * depot and lot changes in the same transaction and can never go below zero, also when many
 * issues race for the last units (the balance row is locked, the database refuses negatives).
 * Nothing is edited or deleted: a correction is a new event.
 *
 * <p>One event or ten thousand take the same path, in a number of statements that does not grow
 * with the batch: the items and depots named are read once, the balances touched are locked in one
 * order into a {@link StockBook}, every rule is checked against the book, and what changed is
 * written at the end, with one audit entry per event.
 */
@Service
class StockLedger {

    private final StockRepository repository;
    private final AccessControl access;
    private final AuditTrail audit;
    /** Tells which lots have expired: a lot is usable through its expiry day, Dutch time. */
    private final Clock clock;
    private final StockFigures figures;

    StockLedger(StockRepository repository, AccessControl access, AuditTrail audit, Clock clock, StockFigures figures) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.figures = figures;
    }

    /** Records a batch all or nothing; a refused event refuses the batch, naming which one and why. */
    @Transactional
    public List<RecordedEvent> record(List<StockEventRequest> requests, boolean batch) {
        return record(requests, batch ? i -> "events[" + i + "]." : i -> "");
    }

    /**
     * Records events all or nothing; {@code label} names event {@code i} in error reports, e.g.
     * {@code events[2].} for a JSON batch or {@code row 4: } for a CSV file.
     */
    @Transactional
    public List<RecordedEvent> record(List<StockEventRequest> requests, IntFunction<String> label) {
        return record(requests, label, List.of());
    }

    /** As above, with problems already found in the input (a CSV file's unreadable cells) reported together. */
    @Transactional
    public List<RecordedEvent> record(List<StockEventRequest> requests, IntFunction<String> label,
                                      List<InvalidInputException.InvalidParam> earlierProblems) {
        return book(List.of(new Part(access.requireRole(Role.OPERATOR), RequestId.current(), true, requests, label,
                earlierProblems))).getFirst();
    }

    /**
     * Records a batch for work the system does by itself, with nobody signed in (the demo stock on
     * the first start): the same checks, balances and audit, as the system with national rights.
     */
    @Transactional
    List<RecordedEvent> recordAsSystem(List<StockEventRequest> requests) {
        return book(List.of(new Part(Actor.SYSTEM, RequestId.current(), false, requests, i -> "events[" + i + "].", List.of())))
                .getFirst();
    }

    /** A single event of one request, to be booked together with those of others. */
    record Submission(Actor actor, String requestId, StockEventRequest request) {}

    /** Submission {@code index} was refused for {@code reason}; the transaction is rolled back and nothing is written. */
    static final class SubmissionRefused extends RuntimeException {
        private final int index;
        private final RuntimeException reason;

        SubmissionRefused(int index, RuntimeException reason) {
            super(reason.getMessage(), reason, false, false);
            this.index = index;
            this.reason = reason;
        }

        int index() {
            return index;
        }

        RuntimeException reason() {
            return reason;
        }
    }

    /**
     * Books the single events of many requests in one transaction, each checked and scoped as if it
     * came alone, so they share one commit and a few statements (see {@link StockBooking}). When one
     * is refused the whole call throws {@link SubmissionRefused} naming it, having written nothing,
     * so the rest can be booked again without it.
     *
     * @return the events recorded for each submission, in order
     */
    @Transactional
    List<List<RecordedEvent>> recordTogether(List<Submission> submissions) {
        return book(submissions.stream().map(submission -> new Part(submission.actor(), submission.requestId(), true,
                Collections.singletonList(submission.request()), i -> "", List.of())).toList());
    }

    /** The items and depots a call names, each read once however often the call names it. */
    private record Known(Map<String, Item> items, Map<Long, Depot> depots) {

        String itemName(String code) {
            Item item = items.get(code);
            return item == null ? code : item.name();
        }
    }

    /** What one request asks, by whom; {@code label} names event {@code i} in error reports. */
    private record Part(Actor actor, String requestId, boolean checkScope, List<StockEventRequest> requests,
                        IntFunction<String> label, List<InvalidInputException.InvalidParam> earlierProblems) {}

    /**
     * Books the parts in one transaction: all are checked, then the balances of all are locked in
     * one order, then each is applied to the book in turn, then everything is written. A part that
     * is refused refuses the call; with several parts the refusal names which one.
     */
    private List<List<RecordedEvent>> book(List<Part> parts) {
        Known known = known(parts.stream().flatMap(part -> part.requests().stream()).toList());
        List<List<StockMovement>> movements = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            movements.add(refusing(parts, k, () -> checked(part, known)));
        }
        StockBook book = new StockBook(lockInOneOrder(movements.stream().flatMap(List::stream).toList()));
        List<StockRepository.ByActor> events = new ArrayList<>();
        List<Integer> eventsPerPart = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            List<StockMovement> partMovements = movements.get(k);
            List<StockRepository.NewEvent> applied = refusing(parts, k, () -> {
                List<StockRepository.NewEvent> partEvents = new ArrayList<>();
                for (int i = 0; i < partMovements.size(); i++) {
                    String which = part.requests().size() > 1 ? part.label().apply(i).replaceAll("[.:]\\s*$", "") + ": " : "";
                    partEvents.addAll(apply(partMovements.get(i), book, known, which));
                }
                return partEvents;
            });
            applied.forEach(event -> events.add(new StockRepository.ByActor(event, part.actor())));
            eventsPerPart.add(applied.size());
        }
        if (events.isEmpty()) {
            return parts.stream().map(part -> List.<RecordedEvent>of()).toList();
        }
        List<RecordedEvent> recorded = repository.write(book.changes(), book.heldAtStart(), events);
        List<AuditTrail.Attributed> entries = new ArrayList<>();
        List<List<RecordedEvent>> perPart = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            List<RecordedEvent> ofPart = recorded.subList(from, from + eventsPerPart.get(k));
            from += eventsPerPart.get(k);
            perPart.add(ofPart);
            ofPart.forEach(event -> entries.add(new AuditTrail.Attributed(part.actor(), part.requestId(),
                    new AuditTrail.Change("stock." + event.type(), "stock-event", String.valueOf(event.id()),
                            known.depots().get(event.depot()).area(), null, event))));
        }
        audit.recordAttributed(entries);
        figures.countCommitted(recorded);
        return perPart;
    }

    /** Runs the work of part {@code k}; with several parts a refusal is wrapped to name the part. */
    private static <T> T refusing(List<Part> parts, int k, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (parts.size() == 1) {
                throw e;
            }
            throw new SubmissionRefused(k, e);
        }
    }

    /** A part's movements, once every event is valid, names a known item and depot, and lies in the actor's scope. */
    private List<StockMovement> checked(Part part, Known known) {
        List<StockEventRequest> requests = part.requests();
        InputCheck check = new InputCheck().include(part.earlierProblems());
        check.require(!requests.isEmpty() && requests.size() <= 10_000, "events", "must hold 1 to 10,000 events");
        List<StockMovement> movements = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String prefix = part.label().apply(i);
            StockEventRequest request = requests.get(i);
            movements.add(request == null ? null : request.toMovement(prefix, check));
            if (request != null) {
                check.require(request.item() == null || known.items().containsKey(request.item()), prefix + "item",
                        "no item with code '" + request.item() + "'");
                check.require(request.depot() == null || known.depots().containsKey(request.depot()), prefix + "depot",
                        "no depot with id " + request.depot());
                check.require(request.toDepot() == null || known.depots().containsKey(request.toDepot()), prefix + "toDepot",
                        "no depot with id " + request.toDepot());
            }
        }
        check.orThrow();
        if (part.checkScope()) {
            movements.stream().map(movement -> known.depots().get(movement.depot()).area()).distinct()
                    .forEach(area -> access.require(part.actor(), Role.OPERATOR, area));
        }
        return movements;
    }

    private Known known(List<StockEventRequest> requests) {
        Set<String> items = new HashSet<>();
        Set<Long> depots = new HashSet<>();
        for (StockEventRequest request : requests) {
            if (request != null) {
                Optional.ofNullable(request.item()).ifPresent(items::add);
                Optional.ofNullable(request.depot()).ifPresent(depots::add);
                Optional.ofNullable(request.toDepot()).ifPresent(depots::add);
            }
        }
        return new Known(items.isEmpty() ? Map.of() : repository.items(items), depots.isEmpty() ? Map.of() : repository.depots(depots));
    }

    /**
     * Every call, of one event or ten thousand, first makes the lots it receives and locks every
     * balance it may touch, in the one order every writer keeps (lots by item and number, balances by
     * depot and lot), so two calls never wait for each other in a circle. A named lot locks only its
     * own balance; first-expiry-first-out locks every lot of the item in the depot.
     */
    private List<StockRepository.Held> lockInOneOrder(List<StockMovement> movements) {
        Set<StockRepository.Receiving> receiving = new LinkedHashSet<>();
        Set<StockRepository.Named> named = new LinkedHashSet<>();
        Set<StockRepository.DepotItem> wholeStocks = new LinkedHashSet<>();
        for (StockMovement movement : movements) {
            switch (movement) {
                case StockMovement.Receipt receipt -> receiving.add(
                        new StockRepository.Receiving(receipt.depot(), receipt.item(), receipt.lot(), receipt.expiry()));
                case StockMovement.Transfer transfer when transfer.lot() == null -> {
                    wholeStocks.add(new StockRepository.DepotItem(transfer.depot(), transfer.item()));
                    wholeStocks.add(new StockRepository.DepotItem(transfer.toDepot(), transfer.item()));
                }
                case StockMovement.Transfer transfer ->
                        named.add(new StockRepository.Named(transfer.toDepot(), transfer.item(), transfer.lot()));
                case StockMovement.Issue issue when issue.lot() == null ->
                        wholeStocks.add(new StockRepository.DepotItem(issue.depot(), issue.item()));
                default -> { }
            }
            String lot = switch (movement) {
                case StockMovement.Receipt receipt -> receipt.lot();
                case StockMovement.Issue issue -> issue.lot();
                case StockMovement.Transfer transfer -> transfer.lot();
                case StockMovement.Adjustment adjustment -> adjustment.lot();
                case StockMovement.WriteOff writeOff -> writeOff.lot();
            };
            if (lot != null) {
                named.add(new StockRepository.Named(movement.depot(), movement.item(), lot));
            }
        }
        return repository.lockBalances(receiving, named, wholeStocks);
    }

    private List<StockRepository.NewEvent> apply(StockMovement movement, StockBook book, Known known, String which) {
        return switch (movement) {
            case StockMovement.Receipt receipt -> List.of(receive(receipt, book, known, which));
            case StockMovement.Issue issue -> takeOut("issue", issue.depot(), issue.item(), issue.lot(), issue.quantity(),
                    issue.details(), null, book, known, which);
            case StockMovement.Transfer transfer -> transfer(transfer, book, known, which);
            case StockMovement.Adjustment adjustment -> adjust(adjustment, book, known, which);
            case StockMovement.WriteOff writeOff -> writeOff(writeOff, book, known, which);
        };
    }

    private StockRepository.NewEvent receive(StockMovement.Receipt receipt, StockBook book, Known known, String which) {
        StockRepository.Lot lot = book.lot(receipt.item(), receipt.lot()).orElseThrow(); // made while locking
        if (receipt.expiry() != null && !receipt.expiry().equals(lot.expiry())) {
            throw new Unusable(which + "lot " + lot.number() + " of " + lot.item()
                    + " is known with expiry " + lot.expiry() + ", not " + receipt.expiry(), "stock.refusal.expiryDiffers",
                    lot.number(), known.itemName(lot.item()), String.valueOf(lot.expiry()), receipt.expiry().toString());
        }
        if (lot.expiry() != null && lot.expiry().isBefore(LocalDate.now(clock))) {
            throw new Unusable(which + "lot " + lot.number() + " expired on " + lot.expiry()
                    + ": expired stock is not received", "stock.refusal.expiredReceipt", lot.number(), known.itemName(lot.item()),
                    lot.expiry().toString());
        }
        requireRoom(receipt.depot(), lot, receipt.quantity(), book, which);
        book.change(receipt.depot(), lot, receipt.quantity());
        return new StockRepository.NewEvent("receipt", receipt.depot(), lot, receipt.quantity(), receipt.details(), null);
    }

    /** A balance is {@code numeric(14, 3)}: a receipt that would take it beyond is refused, naming the quantity. */
    private void requireRoom(long depot, StockRepository.Lot lot, BigDecimal quantity, StockBook book, String which) {
        BigDecimal room = StockEventRequest.MAX_QUANTITY.subtract(book.quantity(depot, lot));
        if (quantity.compareTo(room) > 0) {
            throw new InvalidInputException(which + "quantity", "would bring lot " + lot.number() + " in depot " + depot
                    + " above the largest balance, " + StockEventRequest.MAX_QUANTITY.toPlainString() + "; at most "
                    + room.toPlainString() + " more fits");
        }
    }

    private List<StockRepository.NewEvent> transfer(StockMovement.Transfer transfer, StockBook book, Known known, String which) {
        UUID transferId = UUID.randomUUID();
        List<StockRepository.NewEvent> out = takeOut("transfer-out", transfer.depot(), transfer.item(), transfer.lot(),
                transfer.quantity(), transfer.details(), transferId, book, known, which);
        List<StockRepository.NewEvent> events = new ArrayList<>(out);
        for (StockRepository.NewEvent taken : out) {
            BigDecimal quantity = taken.quantity().negate();
            requireRoom(transfer.toDepot(), taken.lot(), quantity, book, which);
            book.change(transfer.toDepot(), taken.lot(), quantity);
            events.add(new StockRepository.NewEvent("transfer-in", transfer.toDepot(), taken.lot(), quantity, transfer.details(),
                    transferId));
        }
        return events;
    }

    private List<StockRepository.NewEvent> adjust(StockMovement.Adjustment adjustment, StockBook book, Known known, String which) {
        StockRepository.Lot lot = book.lot(adjustment.item(), adjustment.lot()).orElseThrow(() ->
                noLot(which, adjustment.lot(), adjustment.item(), known));
        BigDecimal difference = adjustment.counted().subtract(book.quantity(adjustment.depot(), lot));
        if (difference.signum() == 0) {
            return List.of();
        }
        book.change(adjustment.depot(), lot, difference);
        return List.of(new StockRepository.NewEvent("adjustment", adjustment.depot(), lot, difference, adjustment.details(), null));
    }

    private List<StockRepository.NewEvent> writeOff(StockMovement.WriteOff writeOff, StockBook book, Known known, String which) {
        StockRepository.Lot lot = book.lot(writeOff.item(), writeOff.lot()).orElseThrow(() ->
                noLot(which, writeOff.lot(), writeOff.item(), known));
        if (!book.change(writeOff.depot(), lot, writeOff.quantity().negate())) {
            throw insufficient(which, writeOff.quantity(), lot, book.quantity(writeOff.depot(), lot), known);
        }
        return List.of(new StockRepository.NewEvent("write-off", writeOff.depot(), lot, writeOff.quantity().negate(),
                writeOff.details(), null));
    }

    /** Takes a quantity out of a depot: from the named lot, or first-expiry-first-out over usable lots. */
    private List<StockRepository.NewEvent> takeOut(String type, long depot, String item, String lotNumber, BigDecimal quantity,
                                                   StockMovement.Details details, UUID transferId, StockBook book, Known known,
                                                   String which) {
        LocalDate today = LocalDate.now(clock);
        if (lotNumber != null) {
            StockRepository.Lot lot = book.lot(item, lotNumber).orElseThrow(() -> noLot(which, lotNumber, item, known));
            if (lot.blocked()) {
                throw new Unusable(which + "lot " + lotNumber + " is blocked and may not be issued",
                        "stock.refusal.blocked", lotNumber, known.itemName(item));
            }
            if (lot.expiry() != null && lot.expiry().isBefore(today)) {
                throw new Unusable(which + "lot " + lotNumber + " expired on " + lot.expiry()
                        + " and may not be issued; write it off instead", "stock.refusal.expiredIssue", lotNumber,
                        known.itemName(item), lot.expiry().toString());
            }
            if (!book.change(depot, lot, quantity.negate())) {
                throw insufficient(which, quantity, lot, book.quantity(depot, lot), known);
            }
            return List.of(new StockRepository.NewEvent(type, depot, lot, quantity.negate(), details, transferId));
        }
        List<StockRepository.Held> usable = book.usable(depot, item, today);
        BigDecimal available = usable.stream().map(StockRepository.Held::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(quantity) < 0) {
            Item named = known.items().get(item);
            throw new Conflict(which + "only " + available.stripTrailingZeros().toPlainString() + " of " + item
                    + " can be issued from depot " + depot + " (not expired, not blocked); asked " + quantity.toPlainString(),
                    "stock.refusal.notEnough", available, named.name(), named.unit(), quantity);
        }
        List<StockRepository.NewEvent> events = new ArrayList<>();
        BigDecimal remaining = quantity;
        for (StockRepository.Held balance : usable) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take = balance.quantity().min(remaining);
            book.change(depot, balance.lot(), take.negate());
            events.add(new StockRepository.NewEvent(type, depot, balance.lot(), take.negate(), details, transferId));
            remaining = remaining.subtract(take);
        }
        return events;
    }

    private Conflict insufficient(String which, BigDecimal asked, StockRepository.Lot lot, BigDecimal held, Known known) {
        Item item = known.items().get(lot.item());
        return new Conflict(which + "only " + held.stripTrailingZeros().toPlainString() + " of lot "
                + lot.number() + " (" + lot.item() + ") in this depot; asked " + asked.toPlainString()
                + ": a balance never goes below zero", "stock.refusal.lotShort", held, lot.number(), item.name(), item.unit(), asked);
    }

    private Unusable noLot(String which, String lot, String item, Known known) {
        return new Unusable(which + "no lot " + lot + " of " + item, "stock.refusal.noLot",
                lot, known.itemName(item));
    }
}
