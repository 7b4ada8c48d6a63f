/**
 * Strategic stock: items, depots, lots with expiry, the append-only ledger and coverage in days per
 * area. Planning reads its catalogue and balances.
 */
@ApplicationModule(displayName = "Stock", allowedDependencies = {"access", "areas", "points", "system"})
package nl.weerbaar.stock;

import org.springframework.modulith.ApplicationModule;
