package nl.weerbaar.household;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Denk Vooruit kit for a household: the national advice (3 litres of water a person a day,
 * food that keeps and needs no cooking, torch, radio, power bank, cash, documents, first aid,
 * hygiene, warmth) scaled to the household, its needs and the number of days.
 */
@Component
class KitPlanner {

    /** Litres of drinking water a person needs a day (Dutch household advice). */
    static final BigDecimal WATER_PER_PERSON_PER_DAY = new BigDecimal("3");
    /** A dog or cat drinks about half a litre a day. */
    static final BigDecimal WATER_PER_PET_PER_DAY = new BigDecimal("0.5");
    /** A baby goes through about six nappies a day. */
    static final int NAPPIES_PER_BABY_PER_DAY = 6;
    /** Cash for a few days of small purchases when card payments fail. */
    static final int CASH_PER_GROWN_UP_EUR = 50;

    List<KitItem> plan(Household household) {
        int days = household.days();
        int people = household.people();
        List<KitItem> kit = new ArrayList<>();
        BigDecimal water = WATER_PER_PERSON_PER_DAY.multiply(BigDecimal.valueOf((long) people * days))
                .add(WATER_PER_PET_PER_DAY.multiply(BigDecimal.valueOf((long) household.pets() * days)));
        kit.add(new KitItem("water", water.stripTrailingZeros(), "water-food"));
        kit.add(new KitItem("food", people * days, "water-food"));
        if (household.babies() > 0) {
            kit.add(new KitItem("infant-food", household.babies() * days, "water-food"));
            kit.add(new KitItem("nappies", household.babies() * days * NAPPIES_PER_BABY_PER_DAY, "hygiene"));
        }
        if (household.pets() > 0) {
            kit.add(new KitItem("pet-food", household.pets() * days, "water-food"));
        }
        if (household.needs().contains(Household.Need.SPECIAL_DIET)) {
            kit.add(new KitItem("diet", people * days, "water-food"));
        }
        kit.add(new KitItem("torch", Math.max(1, household.grownUps()), "power-light"));
        kit.add(new KitItem("batteries", Math.max(1, household.grownUps()) * 2, "power-light"));
        kit.add(new KitItem("radio", 1, "power-light"));
        kit.add(new KitItem("power-bank", Math.max(1, household.grownUps()), "power-light"));
        kit.add(new KitItem("cash", Math.max(1, household.grownUps()) * CASH_PER_GROWN_UP_EUR, "documents"));
        kit.add(new KitItem("documents", null, "documents"));
        kit.add(new KitItem("numbers", null, "documents"));
        kit.add(new KitItem("first-aid", 1, "health"));
        if (household.needs().contains(Household.Need.DAILY_MEDICATION)) {
            kit.add(new KitItem("medication", days + 7, "health"));
        }
        if (household.needs().contains(Household.Need.INSULIN)) {
            kit.add(new KitItem("insulin", days + 7, "health"));
            kit.add(new KitItem("cool-bag", 1, "health"));
        }
        if (household.needs().contains(Household.Need.POWERED_MEDICAL_DEVICE)) {
            kit.add(new KitItem("device-power", null, "health"));
        }
        if (household.needs().contains(Household.Need.LIMITED_MOBILITY)) {
            kit.add(new KitItem("mobility", null, "health"));
        }
        kit.add(new KitItem("hygiene", people, "hygiene"));
        kit.add(new KitItem("toilet-bags", people * days * 2, "hygiene"));
        kit.add(new KitItem("blankets", people, "warmth"));
        kit.add(new KitItem("warm-clothes", people, "warmth"));
        kit.add(new KitItem("whistle", Math.max(1, household.grownUps()), "other"));
        kit.add(new KitItem("spare-keys", null, "other"));
        return kit;
    }
}
