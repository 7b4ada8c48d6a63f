package nl.weerbaar.system;

import java.util.List;

/** A list answered by the API, wrapped in an object so that fields can be added beside it later. */
public record Items<T>(List<T> items) {}
