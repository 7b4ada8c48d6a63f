/**
 * Planning: scenarios, the demand model, distribution over depots and support points, routes and
 * reports. Its public types are the solver's, which the benchmarks in {@code bench/} drive directly.
 */
@ApplicationModule(displayName = "Planning", allowedDependencies = {"access", "areas", "points", "stock", "system"})
package nl.weerbaar.planning;

import org.springframework.modulith.ApplicationModule;
