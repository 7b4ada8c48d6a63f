/**
 * Layout, navigation, error pages and static assets shared by every module's pages. No domain
 * logic lives here: a module renders its own page into {@code templates/layout.html}.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"access", "bulletins", "points", "system"})
package nl.weerbaar.web;

import org.springframework.modulith.ApplicationModule;
