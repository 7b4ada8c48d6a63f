package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import java.util.function.IntFunction;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import nl.weerbaar.system.Refusal;

/**
 * The append-only stock ledger. Every movement becomes one or more events; the balance of each
 * depot and lot changes in the same transaction and can never go below zero, also when many
 * issues race for the last units (the balance row is locked, the database refuses negatives).
 * Nothing is edited or deleted: a correction is a new event.
 */
@Service
public class StockLedger {

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
        return record(access.requireRole(Role.OPERATOR), true, requests, label, earlierProblems);
    }

    /**
     * Records a batch for work the system does by itself, with nobody signed in (the demo stock on
     * the first start): the same checks, balances and audit, as the system with national rights.
     */
    @Transactional
    List<RecordedEvent> recordAsSystem(List<StockEventRequest> requests) {
        return record(Actor.SYSTEM, false, requests, i -> "events[" + i + "].", List.of());
    }

    private List<RecordedEvent> record(Actor actor, boolean checkScope, List<StockEventRequest> requests,
                                       IntFunction<String> label, List<InvalidInputException.InvalidParam> earlierProblems) {
        InputCheck check = new InputCheck().include(earlierProblems);
        check.require(!requests.isEmpty() && requests.size() <= 10_000, "events", "must hold 1 to 10,000 events");
        List<StockMovement> movements = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String prefix = label.apply(i);
            StockEventRequest request = requests.get(i);
            movements.add(request == null ? null : request.toMovement(prefix, check));
            if (request != null) {
                check.require(request.item() == null || repository.item(request.item()).isPresent(), prefix + "item",
                        "no item with code '" + request.item() + "'");
                check.require(request.depot() == null || repository.depot(request.depot()).isPresent(), prefix + "depot",
                        "no depot with id " + request.depot());
                check.require(request.toDepot() == null || repository.depot(request.toDepot()).isPresent(), prefix + "toDepot",
                        "no depot with id " + request.toDepot());
            }
        }
        check.orThrow();
        if (movements.size() > 1 || movements.getFirst() instanceof StockMovement.Transfer) {
            lockInOneOrder(movements);
        }
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < movements.size(); i++) {
            String which = requests.size() > 1 ? label.apply(i).replaceAll("[.:]\\s*$", "") + ": " : "";
            recorded.addAll(apply(movements.get(i), actor, checkScope, which));
        }
        figures.countCommitted(recorded);
        return recorded;
    }

    /**
     * A batch touches several balances; two batches that touched the same ones in different orders
     * would each wait for the other until the database failed one of them. So a batch first makes the
     * lots it receives, then makes and locks every balance it may touch, each in the one order every
     * writer keeps (lots by item and number, balances by depot and lot).
     */
    private void lockInOneOrder(List<StockMovement> movements) {
        List<StockRepository.Receiving> receiving = new ArrayList<>();
        List<StockRepository.DepotItem> touched = new ArrayList<>();
        for (StockMovement movement : movements) {
            touched.add(new StockRepository.DepotItem(movement.depot(), movement.item()));
            switch (movement) {
                case StockMovement.Receipt receipt -> receiving.add(
                        new StockRepository.Receiving(receipt.depot(), receipt.item(), receipt.lot(), receipt.expiry()));
                case StockMovement.Transfer transfer -> touched.add(new StockRepository.DepotItem(transfer.toDepot(), transfer.item()));
                default -> { }
            }
        }
        repository.lockBalances(receiving, touched);
    }

    private List<RecordedEvent> apply(StockMovement movement, Actor actor, boolean checkScope, String which) {
        Depot depot = repository.depot(movement.depot()).orElseThrow();
        if (checkScope) {
            access.require(Role.OPERATOR, depot.area());
        }
        List<RecordedEvent> events = switch (movement) {
            case StockMovement.Receipt receipt -> List.of(receive(receipt, actor, which));
            case StockMovement.Issue issue -> takeOut("issue", issue.depot(), issue.item(), issue.lot(), issue.quantity(),
                    issue.details(), null, actor, which);
            case StockMovement.Transfer transfer -> transfer(transfer, actor, which);
            case StockMovement.Adjustment adjustment -> adjust(adjustment, actor, which);
            case StockMovement.WriteOff writeOff -> writeOff(writeOff, actor, which);
        };
        for (RecordedEvent event : events) {
            Depot at = event.depot() == depot.id() ? depot : repository.depot(event.depot()).orElseThrow();
            audit.record(new AuditTrail.Change("stock." + event.type(), "stock-event", String.valueOf(event.id()), at.area(),
                    null, event));
        }
        return events;
    }

    private RecordedEvent receive(StockMovement.Receipt receipt, Actor actor, String which) {
        StockRepository.Lot lot = repository.lot(receipt.item(), receipt.lot())
                .orElseGet(() -> repository.insertLot(receipt.item(), receipt.lot(), receipt.expiry()));
        if (receipt.expiry() != null && !receipt.expiry().equals(lot.expiry())) {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, which + "lot " + lot.number() + " of " + lot.item()
                    + " is known with expiry " + lot.expiry() + ", not " + receipt.expiry(), "stock.refusal.expiryDiffers",
                    lot.number(), itemName(lot.item()), lot.expiry().toString(), receipt.expiry().toString());
        }
        if (lot.expiry() != null && lot.expiry().isBefore(LocalDate.now(clock))) {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, which + "lot " + lot.number() + " expired on " + lot.expiry()
                    + ": expired stock is not received", "stock.refusal.expiredReceipt", lot.number(), itemName(lot.item()),
                    lot.expiry().toString());
        }
        requireRoom(receipt.depot(), lot, receipt.quantity(), which);
        repository.changeBalance(receipt.depot(), lot.id(), receipt.quantity());
        return repository.insertEvent("receipt", receipt.depot(), lot, receipt.quantity(), receipt.details(), null,
                actor.username(), actor.organisation());
    }

    /** A balance is {@code numeric(14, 3)}: a receipt that would take it beyond is refused, naming the quantity. */
    private void requireRoom(long depot, StockRepository.Lot lot, BigDecimal quantity, String which) {
        BigDecimal room = StockEventRequest.MAX_QUANTITY.subtract(repository.balanceForUpdate(depot, lot.id()));
        if (quantity.compareTo(room) > 0) {
            throw new InvalidInputException(which + "quantity", "would bring lot " + lot.number() + " in depot " + depot
                    + " above the largest balance, " + StockEventRequest.MAX_QUANTITY.toPlainString() + "; at most "
                    + room.toPlainString() + " more fits");
        }
    }

    private List<RecordedEvent> transfer(StockMovement.Transfer transfer, Actor actor, String which) {
        UUID transferId = UUID.randomUUID();
        List<RecordedEvent> out = takeOut("transfer-out", transfer.depot(), transfer.item(), transfer.lot(),
                transfer.quantity(), transfer.details(), transferId, actor, which);
        List<RecordedEvent> events = new ArrayList<>(out);
        for (RecordedEvent taken : out) {
            StockRepository.Lot lot = repository.lot(taken.item(), taken.lot()).orElseThrow();
            BigDecimal quantity = taken.quantity().negate();
            requireRoom(transfer.toDepot(), lot, quantity, which);
            repository.changeBalance(transfer.toDepot(), lot.id(), quantity);
            events.add(repository.insertEvent("transfer-in", transfer.toDepot(), lot, quantity, transfer.details(),
                    transferId, actor.username(), actor.organisation()));
        }
        return events;
    }

    private List<RecordedEvent> adjust(StockMovement.Adjustment adjustment, Actor actor, String which) {
        StockRepository.Lot lot = repository.lot(adjustment.item(), adjustment.lot()).orElseThrow(() ->
                noLot(which, adjustment.lot(), adjustment.item()));
        BigDecimal difference = adjustment.counted().subtract(repository.balanceForUpdate(adjustment.depot(), lot.id()));
        if (difference.signum() == 0) {
            return List.of();
        }
        repository.changeBalance(adjustment.depot(), lot.id(), difference);
        return List.of(repository.insertEvent("adjustment", adjustment.depot(), lot, difference, adjustment.details(), null,
                actor.username(), actor.organisation()));
    }

    private List<RecordedEvent> writeOff(StockMovement.WriteOff writeOff, Actor actor, String which) {
        StockRepository.Lot lot = repository.lot(writeOff.item(), writeOff.lot()).orElseThrow(() ->
                noLot(which, writeOff.lot(), writeOff.item()));
        if (!repository.changeBalance(writeOff.depot(), lot.id(), writeOff.quantity().negate())) {
            throw insufficient(which, writeOff.quantity(), lot, repository.balanceForUpdate(writeOff.depot(), lot.id()));
        }
        return List.of(repository.insertEvent("write-off", writeOff.depot(), lot, writeOff.quantity().negate(),
                writeOff.details(), null, actor.username(), actor.organisation()));
    }

    /** Takes a quantity out of a depot: from the named lot, or first-expiry-first-out over usable lots. */
    private List<RecordedEvent> takeOut(String type, long depot, String item, String lotNumber, BigDecimal quantity,
                                        StockMovement.Details details, UUID transferId, Actor actor, String which) {
        LocalDate today = LocalDate.now(clock);
        if (lotNumber != null) {
            StockRepository.Lot lot = repository.lot(item, lotNumber).orElseThrow(() -> noLot(which, lotNumber, item));
            if (lot.blocked()) {
                throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, which + "lot " + lotNumber + " is blocked and may not be issued",
                        "stock.refusal.blocked", lotNumber, itemName(item));
            }
            if (lot.expiry() != null && lot.expiry().isBefore(today)) {
                throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, which + "lot " + lotNumber + " expired on " + lot.expiry()
                        + " and may not be issued; write it off instead", "stock.refusal.expiredIssue", lotNumber,
                        itemName(item), lot.expiry().toString());
            }
            if (!repository.changeBalance(depot, lot.id(), quantity.negate())) {
                throw insufficient(which, quantity, lot, repository.balanceForUpdate(depot, lot.id()));
            }
            return List.of(repository.insertEvent(type, depot, lot, quantity.negate(), details, transferId,
                    actor.username(), actor.organisation()));
        }
        List<LotBalance> usable = repository.usableLotsForUpdate(depot, item, today);
        BigDecimal available = usable.stream().map(LotBalance::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(quantity) < 0) {
            Item named = repository.item(item).orElseThrow();
            throw new Refusal(HttpStatus.CONFLICT, which + "only " + available.stripTrailingZeros().toPlainString() + " of " + item
                    + " can be issued from depot " + depot + " (not expired, not blocked); asked " + quantity.toPlainString(),
                    "stock.refusal.notEnough", available, named.name(), named.unit(), quantity);
        }
        List<RecordedEvent> events = new ArrayList<>();
        BigDecimal remaining = quantity;
        for (LotBalance balance : usable) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take = balance.quantity().min(remaining);
            StockRepository.Lot lot = new StockRepository.Lot(balance.lotId(), balance.item(), balance.lot(), balance.expiry(), false);
            repository.changeBalance(depot, lot.id(), take.negate());
            events.add(repository.insertEvent(type, depot, lot, take.negate(), details, transferId,
                    actor.username(), actor.organisation()));
            remaining = remaining.subtract(take);
        }
        return events;
    }

    private Refusal insufficient(String which, BigDecimal asked, StockRepository.Lot lot, BigDecimal held) {
        Item item = repository.item(lot.item()).orElseThrow();
        return new Refusal(HttpStatus.CONFLICT, which + "only " + held.stripTrailingZeros().toPlainString() + " of lot "
                + lot.number() + " (" + lot.item() + ") in this depot; asked " + asked.toPlainString()
                + ": a balance never goes below zero", "stock.refusal.lotShort", held, lot.number(), item.name(), item.unit(), asked);
    }

    private Refusal noLot(String which, String lot, String item) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, which + "no lot " + lot + " of " + item, "stock.refusal.noLot",
                lot, itemName(item));
    }

    /** The item's name for a reader, e.g. "Zuigelingenvoeding" for {@code infant-formula}. */
    private String itemName(String code) {
        return repository.item(code).map(Item::name).orElse(code);
    }
}
