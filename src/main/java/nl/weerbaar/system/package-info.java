/**
 * The shared kernel every module stands on: the clock, input checks and problems, CSV, printed
 * documents, idempotency, the embedded database, backups and the command line. It depends on no
 * other module.
 */
@ApplicationModule(displayName = "System", allowedDependencies = {})
package nl.weerbaar.system;

import org.springframework.modulith.ApplicationModule;
