package nl.weerbaar.household;

import java.util.Locale;
import java.util.Set;

/**
 * Who lives in a household and what they need, as entered on the Denk Vooruit form. Never
 * stored: the kit is computed from it and the answer sent back.
 */
record Household(int adults, int children, int babies, int elderly, int pets, Set<Need> needs, int days) {

    static final int MAX_PEOPLE_PER_GROUP = 20;
    static final int MAX_DAYS = 14;

    /** Everyone who drinks and eats from the kit; babies have their own items too. */
    int people() {
        return adults + children + babies + elderly;
    }

    /** Those who can carry a torch, a power bank, money: everyone but babies and young children. */
    int grownUps() {
        return adults + elderly;
    }

    enum Need {
        DAILY_MEDICATION, INSULIN, POWERED_MEDICAL_DEVICE, LIMITED_MOBILITY, SPECIAL_DIET;

        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
