package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import nl.weerbaar.support.TimeDependent;
import nl.weerbaar.system.ApplicationClock;
import nl.weerbaar.system.OfflineCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./weerbaar verify FILE --keys keyset.json} on a computer with nothing but the files. The
 * fixture bulletin has fixed times, so it is judged by clocks fixed while it is in force and after
 * it expired, never by the day the test runs.
 */
@TimeDependent
class OfflineVerifyCommandTest {

    @TempDir
    Path folder;

    @Test
    void exitsZeroOnlyForAGenuineBulletinInTheExportedKeySet() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        Path keySet = Files.writeString(folder.resolve("keyset.json"), KeySetJson.write(
                Map.of("keys", KeySetJson.document(List.of(fixture.key()), List.of()).get("keys"), "organisations", Map.of("GM0363", "Gemeente Amsterdam"))));
        Path genuine = Files.write(folder.resolve("bulletin.xml"), fixture.xml());
        Path tampered = Files.write(folder.resolve("tampered.xml"), new String(fixture.xml(), StandardCharsets.UTF_8)
                .replace("minstens 1 minuut", "minstens 0 minuten").getBytes(StandardCharsets.UTF_8));
        Path otherKeys = Files.writeString(folder.resolve("other.json"),
                KeySetJson.write(KeySetJson.document(List.of(SignedCapFixture.signed().key()), List.of())));
        OfflineVerifyCommand whileInForce = new OfflineVerifyCommand(at(fixture.sent().plus(1, ChronoUnit.HOURS)));

        Run inForce = run(whileInForce, genuine, keySet);
        Run altered = run(whileInForce, tampered, keySet);
        Run unknown = run(whileInForce, genuine, otherKeys);

        assertThat(inForce.exit()).as(inForce.output()).isEqualTo(0);
        assertThat(inForce.output()).contains("GENUINE", "Genuine: issued by Gemeente Amsterdam", "Echt: uitgegeven door Gemeente Amsterdam");
        assertThat(altered.exit()).isEqualTo(5);
        assertThat(altered.output()).contains("ALTERED");
        assertThat(unknown.exit()).isEqualTo(6);
        assertThat(unknown.output()).contains("UNKNOWNSIGNER");
        assertThat(whileInForce.run(List.of("verify", "--keys", keySet.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }

    @Test
    void theLinkFromAPostersQrCodeIsCheckedAsGivenOnTheCommandLine() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair pair = generator.generateKeyPair();
        Instant sent = SignedCapFixture.SENT;
        PublishedKey key = new PublishedKey(PublishedKey.kidOf(pair.getPublic()), "GM0363", pair.getPublic(),
                sent.minus(30, ChronoUnit.DAYS), null, null, null);
        String code = PosterCode.sign(new PosterCode.Payload(java.util.UUID.randomUUID(), key.kid(), "GM0363", "GM0363", sent,
                sent.plus(2, ChronoUnit.DAYS), "digest", "Kook drinkwater voor gebruik"), pair.getPrivate());
        Path keySet = Files.writeString(folder.resolve("keyset.json"), KeySetJson.write(
                Map.of("keys", KeySetJson.document(List.of(key), List.of()).get("keys"), "organisations", Map.of("GM0363", "Gemeente Amsterdam"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        int exit = new OfflineVerifyCommand(at(sent.plus(1, ChronoUnit.HOURS)))
                .run(List.of("verify", "https://weerbaar.example/verify?b=" + code, "--keys", keySet.toString()), print, print);

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("GENUINE", "Echt: uitgegeven door Gemeente Amsterdam");
    }

    @Test
    void theSameGenuineBulletinFailsOnceItHasExpired() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        Path keySet = Files.writeString(folder.resolve("keyset.json"), KeySetJson.write(
                Map.of("keys", KeySetJson.document(List.of(fixture.key()), List.of()).get("keys"), "organisations", Map.of("GM0363", "Gemeente Amsterdam"))));
        Path bulletin = Files.write(folder.resolve("bulletin.xml"), fixture.xml());
        Instant expires = fixture.bulletin().expires();

        Run lastSecond = run(new OfflineVerifyCommand(at(expires)), bulletin, keySet);
        Run expired = run(new OfflineVerifyCommand(at(expires.plusSeconds(1))), bulletin, keySet);

        assertThat(lastSecond.exit()).as("in force up to and including its expiry: " + lastSecond.output()).isEqualTo(0);
        assertThat(expired.exit()).as(expired.output()).isEqualTo(3);
        assertThat(expired.output()).contains("EXPIRED", "Expired: a genuine bulletin from Gemeente Amsterdam",
                "Verlopen: echt bericht van Gemeente Amsterdam");
    }

    /** Each verdict has its own exit code, as the usage text lists them; 2 stays bad use. */
    @ParameterizedTest(name = "{0}: exit {1}")
    @CsvSource({
            "oasis-cap12-appendixA2-severe-thunderstorm.xml,   1, NOTSIGNED",
            "ipaws-2019-signed-cancel.xml,                     6, UNKNOWNSIGNER",
            "made-up/cap12-two-signatures-rsa-sha1.xml,        7, WEAKALGORITHM",
            "made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml,    8, OTHERCAPVERSION",
            "made-up/not-cap-atom-feed.xml,                    9, NOTCAP",
            "made-up/doctype-external-entities.xml,           10, UNSAFEXML",
            "made-up/truncated-thunderstorm.xml,              11, UNREADABLEXML"})
    void eachVerdictExitsWithItsOwnCode(String example, int exit, String printed) throws Exception {
        Path keySet = Files.writeString(folder.resolve("keyset.json"), KeySetJson.write(KeySetJson.document(List.of(), List.of())));
        Path message = Files.write(folder.resolve("message.xml"), CapExamples.read(example));

        Run run = run(new OfflineVerifyCommand(at(CapExamples.WHILE_MADE_UP_IN_FORCE)), message, keySet);

        assertThat(run.exit()).as(run.output()).isEqualTo(exit);
        assertThat(run.output()).startsWith(printed + ": ");
    }

    @Test
    void severalSignaturesAreListedAndTheUsageNamesEveryExitCode() throws Exception {
        Path keySet = Files.writeString(folder.resolve("keyset.json"), KeySetJson.write(KeySetJson.document(List.of(), List.of())));
        Path message = Files.write(folder.resolve("message.xml"), CapExamples.read("made-up/cap12-two-signatures-rsa-sha1.xml"));
        ByteArrayOutputStream usage = new ByteArrayOutputStream();

        Run run = run(new OfflineVerifyCommand(at(CapExamples.WHILE_MADE_UP_IN_FORCE)), message, keySet);
        new OfflineVerifyCommand(at(CapExamples.WHILE_MADE_UP_IN_FORCE)).run(List.of("verify", "--keys", keySet.toString()),
                new PrintStream(usage), new PrintStream(usage, true, StandardCharsets.UTF_8));

        assertThat(run.output()).contains("signature 1 (CN=Provincial Alert Issuer", "signature 2 (CN=Alert Aggregator", "RSA-SHA1");
        assertThat(usage.toString(StandardCharsets.UTF_8)).contains("0 genuine", "1 notSigned", "2 bad use", "3 expired", "4 revoked",
                "5 altered", "6 unknownSigner", "7 weakAlgorithm", "8 otherCapVersion", "9 notCap", "10 unsafeXml", "11 unreadableXml", "12 outsideScope");
    }

    /** What {@code ./weerbaar} finds before starting anything: the public constructor, on the environment's clock. */
    @Test
    void theLauncherFindsTheCommandWithoutAnApplicationContext() {
        OfflineCommand command = ServiceLoader.load(OfflineCommand.class).stream()
                .filter(provider -> provider.type() == OfflineVerifyCommand.class).findFirst().orElseThrow().get();

        assertThat(command.handles(List.of("verify", "bulletin.xml", "--keys", "keyset.json"))).isTrue();
        assertThat(command.handles(List.of("verify", "bulletin.xml"))).as("without a key set the server's database decides").isFalse();
    }

    private static Clock at(Instant moment) {
        return Clock.fixed(moment, ApplicationClock.NETHERLANDS);
    }

    private record Run(int exit, String output) {}

    private static Run run(OfflineVerifyCommand command, Path file, Path keys) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = command.run(List.of("verify", file.toString(), "--keys", keys.toString()), print, print);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }
}
