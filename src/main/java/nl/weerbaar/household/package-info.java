/**
 * Household: the Denk Vooruit kit planner and personal plan for 72 hours, computed for the page
 * and never stored on the server.
 */
@ApplicationModule(displayName = "Household", allowedDependencies = {"access", "areas", "points", "system"})
package nl.weerbaar.household;

import org.springframework.modulith.ApplicationModule;
