/**
 * Support points: the registry, live status and occupancy, the public finder, printed and offline
 * fallbacks. Official notices reach its pages through {@code AreaNotices}, which bulletins implements.
 */
@ApplicationModule(displayName = "Support points", allowedDependencies = {"access", "areas", "system"})
package nl.weerbaar.points;

import org.springframework.modulith.ApplicationModule;
