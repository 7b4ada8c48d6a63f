/**
 * Funding: the yearly budget lines for regional and local resilience, their allocation over the 25
 * safety regions by a formula the user sets and sees, the commitments and spending regions and
 * municipalities book against their budget (each tagged with a NATO resilience category), and the
 * reports, among them the Dutch resilience total against the NATO pledge of 1.5 % of GDP by 2035.
 *
 * <p>Money is whole euro cents ({@code long}) throughout; the API names such fields {@code …Cents}.
 */
@ApplicationModule(displayName = "Funding", allowedDependencies = {"access", "areas", "system"})
package nl.weerbaar.funding;

import org.springframework.modulith.ApplicationModule;
