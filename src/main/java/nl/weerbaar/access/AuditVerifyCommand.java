package nl.weerbaar.access;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.system.CliCommand;
import nl.weerbaar.system.CommandArguments;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./weerbaar audit verify [--head FILE] [--save-head FILE]}: exits 0 when the whole log
 * holds (and extends the head saved in FILE), 1 with the first problem named. {@code --save-head}
 * keeps the verified head, in the JSON of {@code GET /api/v1/audit/tree-head}, for a later check.
 */
@Component
class AuditVerifyCommand implements CliCommand {

    private final AuditLogVerifier verifier;
    private final AuditSequencer sequencer;
    private final JsonMapper json;

    AuditVerifyCommand(AuditLogVerifier verifier, AuditSequencer sequencer, JsonMapper json) {
        this.verifier = verifier;
        this.sequencer = sequencer;
        this.json = json;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String summary() {
        return "check every audit entry, the Merkle root and its signed head [--head FILE: that the log still extends "
                + "a head saved earlier] [--save-head FILE]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args);
        Optional<SignedTreeHead> saved = arguments.option("head").map(this::readHead);
        sequencer.catchUp();
        AuditLogVerifier.Verification result = verifier.verify(saved);
        if (!result.intact()) {
            out.printf("Audit trail BROKEN: %s.%n", result.firstProblem().orElseThrow().problem());
            return 1;
        }
        out.printf("Audit trail intact: %d entries, %d in the log; every leaf, the root and the signed tree head hold.%n",
                result.entries(), result.treeSize());
        saved.ifPresent(head -> out.printf("It extends the saved tree head of size %d.%n", head.treeSize()));
        Optional<String> saveTo = arguments.option("save-head");
        if (saveTo.isPresent()) {
            SignedTreeHead head = result.latestHead().orElseThrow(() ->
                    new IllegalArgumentException("no tree head has been signed yet, so there is none to save"));
            Files.writeString(Path.of(saveTo.get()), json.writeValueAsString(head.toJson()));
            out.printf("Saved the tree head of size %d to %s.%n", head.treeSize(), saveTo.get());
        }
        return 0;
    }

    private SignedTreeHead readHead(String file) {
        try {
            return json.readValue(Files.readString(Path.of(file)), SignedTreeHead.Json.class).toHead();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read a tree head from " + file
                    + " (save one with --save-head, or from GET /api/v1/audit/tree-head): " + e.getMessage(), e);
        }
    }
}
