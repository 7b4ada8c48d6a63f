package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The balances one call of the ledger may touch, read and locked up front in the one order
 * ({@link StockRepository#lockBalances}); the rules are checked against it and it follows every
 * change in memory, so the events of a batch see each other. What changed is written at the end
 * in a few statements, whatever the size of the batch.
 */
final class StockBook {

    /** A balance: a lot in a depot. Ordered by depot, then lot, as every writer locks them. */
    record Place(long depot, long lot) implements Comparable<Place> {
        private static final Comparator<Place> ORDER = Comparator.comparingLong(Place::depot).thenComparingLong(Place::lot);

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    private record ItemLot(String item, String number) {}

    private record Stock(long depot, String item) {}

    private final Map<Place, BigDecimal> quantities = new HashMap<>();
    private final Set<Place> heldAtStart = new HashSet<>();
    private final Map<ItemLot, StockRepository.Lot> lots = new HashMap<>();
    private final Map<Stock, Set<StockRepository.Lot>> stocks = new HashMap<>();
    private final Map<Place, BigDecimal> changes = new TreeMap<>();

    StockBook(List<StockRepository.Held> held) {
        for (StockRepository.Held balance : held) {
            Place place = new Place(balance.depot(), balance.lot().id());
            quantities.put(place, balance.quantity());
            heldAtStart.add(place);
            know(balance.depot(), balance.lot());
        }
    }

    private void know(long depot, StockRepository.Lot lot) {
        lots.put(new ItemLot(lot.item(), lot.number()), lot);
        stocks.computeIfAbsent(new Stock(depot, lot.item()), k -> new LinkedHashSet<>()).add(lot);
    }

    /** A lot the call named; every named lot that exists was read with its balance. */
    Optional<StockRepository.Lot> lot(String item, String number) {
        return Optional.ofNullable(lots.get(new ItemLot(item, number)));
    }

    /** The balance now, with this call's changes; zero where the depot never held the lot. */
    BigDecimal quantity(long depot, StockRepository.Lot lot) {
        return quantities.getOrDefault(new Place(depot, lot.id()), BigDecimal.ZERO);
    }

    /** Changes a balance; false (and no change) when it would go below zero. */
    boolean change(long depot, StockRepository.Lot lot, BigDecimal delta) {
        Place place = new Place(depot, lot.id());
        BigDecimal after = quantity(depot, lot).add(delta);
        if (after.signum() < 0) {
            return false;
        }
        quantities.put(place, after);
        changes.merge(place, delta, BigDecimal::add);
        know(depot, lot);
        return true;
    }

    /** The depot's usable lots of an item with something left, earliest expiry first; a lot expiring {@code today} is usable. */
    List<StockRepository.Held> usable(long depot, String item, LocalDate today) {
        List<StockRepository.Held> usable = new ArrayList<>();
        for (StockRepository.Lot lot : stocks.getOrDefault(new Stock(depot, item), Set.of())) {
            BigDecimal quantity = quantity(depot, lot);
            if (quantity.signum() > 0 && !lot.blocked() && (lot.expiry() == null || !lot.expiry().isBefore(today))) {
                usable.add(new StockRepository.Held(depot, lot, quantity));
            }
        }
        usable.sort(Comparator.comparing((StockRepository.Held h) -> h.lot().expiry(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(h -> h.lot().id()));
        return usable;
    }

    /** The changes to write, by depot and lot, without those that came to nothing. */
    Map<Place, BigDecimal> changes() {
        Map<Place, BigDecimal> net = new TreeMap<>();
        changes.forEach((place, delta) -> {
            if (delta.signum() != 0) {
                net.put(place, delta);
            }
        });
        return net;
    }

    /** The balance rows that existed when the call locked its balances; others are made when written. */
    Set<Place> heldAtStart() {
        return heldAtStart;
    }
}
