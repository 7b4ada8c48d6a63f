package nl.weerbaar.access;

import java.util.List;

/**
 * An organisation that acts in areas: {@code NL}, a safety region ({@code VR13}), a municipality
 * ({@code GM0363}) or a partner (Red Cross, a water company) with the areas it was given.
 */
public record Organisation(String code, OrganisationKind kind, String name, List<String> areas) {}
