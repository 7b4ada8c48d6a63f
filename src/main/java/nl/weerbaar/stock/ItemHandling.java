package nl.weerbaar.stock;

/** What one unit of an item weighs and takes up in a vehicle, packaging included (catalogue figures). */
public record ItemHandling(String item, double kgPerUnit, double litresPerUnit) {}
