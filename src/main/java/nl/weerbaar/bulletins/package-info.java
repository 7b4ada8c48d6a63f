/**
 * Bulletins: signed official crisis information (CAP 1.2), its keys and trust anchors, feeds of
 * other authorities, verification for anyone, and the register of circulating claims.
 */
@ApplicationModule(displayName = "Bulletins", allowedDependencies = {"access", "areas", "points", "system"})
package nl.weerbaar.bulletins;

import org.springframework.modulith.ApplicationModule;
