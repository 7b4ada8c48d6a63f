/**
 * Areas of the Netherlands: the 25 safety regions, 342 municipalities and postcode areas from the
 * shipped reference data, their limits and a spatial index to find what is near a place.
 */
@ApplicationModule(displayName = "Areas", allowedDependencies = {"system"})
package nl.weerbaar.areas;

import org.springframework.modulith.ApplicationModule;
