/**
 * Access: organisations with their areas, users, roles and API tokens, the one place that decides
 * whether the current user may act ({@code AccessControl}), and the tamper-evident audit trail.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = {"areas", "system"})
package nl.weerbaar.access;

import org.springframework.modulith.ApplicationModule;
