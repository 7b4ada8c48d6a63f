package nl.weerbaar.bulletins;

import java.util.Comparator;

/**
 * Which of several signatures decides the verdict on a message: the best one by a trusted signer
 * first (genuine, then expired, then revoked, then outside its area), then a broken signature (the bytes were changed
 * after someone signed them), then an intact one by an unknown signer, then a weak one, and last
 * one that could not be checked at all.
 */
final class SignatureRanking {

    static final Comparator<Verdict> BEST_FIRST = Comparator.comparingInt(SignatureRanking::rank);

    private SignatureRanking() {}

    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Genuine g -> 0;
            case Verdict.Expired e -> 1;
            case Verdict.Revoked r -> 2;
            case Verdict.OutsideScope o -> 3;
            case Verdict.Altered a -> 4;
            case Verdict.UnknownSigner u -> u.intact() ? 5 : 7;
            case Verdict.WeakAlgorithm w -> 6;
            default -> 8;
        };
    }

    /**
     * Whether an older CAP version is worth naming first: when no trusted signer decided (not
     * signed, unknown or weak signer). Genuine, expired, revoked and altered say more than the version.
     */
    static boolean leavesVersionToSay(Verdict verdict) {
        return verdict instanceof Verdict.NotSigned || verdict instanceof Verdict.UnknownSigner
                || verdict instanceof Verdict.WeakAlgorithm;
    }
}
