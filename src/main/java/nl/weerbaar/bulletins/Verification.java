package nl.weerbaar.bulletins;

import java.util.List;

/**
 * The verdict on a message with what it rests on: the CAP version it is written in (null when it
 * is no CAP) and every signature it carries, each checked on its own, numbered in document order.
 */
record Verification(Verdict verdict, String capVersion, List<SignatureLine> signatures) {

    /** One signature: who signed (as far as it says), with which algorithm, and what that signature alone shows. */
    public record SignatureLine(int number, String signer, String algorithm, boolean weakAlgorithm, Verdict verdict) {}

    /** A verdict reached before any signature could be read, or on a poster code. */
    static Verification of(Verdict verdict) {
        return new Verification(verdict, null, List.of());
    }
}
